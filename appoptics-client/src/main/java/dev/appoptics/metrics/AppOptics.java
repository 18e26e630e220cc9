package dev.appoptics.metrics;

import dev.appoptics.metrics.internal.transport.ApacheTransport;
import dev.appoptics.metrics.internal.transport.JdkTransport;
import dev.appoptics.metrics.internal.transport.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A connection to the AppOptics Metrics API. Create one with {@link #connect(String)} or {@link #builder()}, share it
 * across threads, and close it when done.
 *
 * <pre>{@code
 * try (AppOptics api = AppOptics.builder().token(token).tags(Map.of("service", "checkout")).build()) {
 *   api.submit("orders.placed", 1, Map.of("region", "eu"));
 * }
 * }</pre>
 *
 * <p>Thread-safe: one pooled keep-alive HTTP client per connection serves all threads; tags and timeout may be
 * changed at any time and apply to the next request. Every failure is an unchecked {@link AppOpticsException}.
 */
public final class AppOptics implements AutoCloseable {
  /** The production API. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.appoptics.com/v1/");
  /** Connect plus read timeout unless configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** Environment variable read when no token is given. */
  public static final String TOKEN_ENV = "APPOPTICS_TOKEN";

  private final URI baseUri;
  private final UnaryOperator<String> sanitizer;
  private final String userAgent;
  private final HttpEngine engine;
  private volatile Map<String, String> tags;
  private volatile Duration timeout;
  private final Rest rest;
  private final Measurements measurements;
  private final Metrics metrics;

  private AppOptics(Builder b, String token) {
    this.baseUri = b.baseUri;
    this.sanitizer = b.sanitizer;
    this.userAgent = b.userAgent;
    this.engine = b.engine;
    this.tags = b.tags;
    this.timeout = b.timeout;
    Transport transport = b.engine == HttpEngine.JDK
        ? new JdkTransport(b.timeout)
        : new ApacheTransport(this::getTimeout, b.maxConnections);
    this.rest = new Rest(baseUri, transport, token, userAgent, this::getTimeout);
    rest.reliability(b.retryPolicy, b.gzipThreshold());
    this.measurements = new Measurements(this, rest);
    this.metrics = new Metrics(this, rest);
  }

  /** Connects to the production API with {@code token} (or {@code $APPOPTICS_TOKEN} when it is null or empty). */
  public static AppOptics connect(String token) {
    return builder().token(token).build();
  }

  /** Starts configuring a connection. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- connection ----

  /** The base URI every path is resolved against, ending in "/". */
  public URI baseUri() {
    return baseUri;
  }

  /** The User-Agent sent with every request. */
  public String userAgent() {
    return userAgent;
  }

  /** The HTTP engine in use. */
  public HttpEngine httpEngine() {
    return engine;
  }

  /** Connection-level tags, inherited by measurements as described on {@link Measurement}. */
  public Map<String, String> getTags() {
    return tags;
  }

  /** Replaces the connection-level tags. */
  public synchronized void setTags(Map<String, String> tags) {
    this.tags = Tags.copy(tags);
  }

  /** Adds to the connection-level tags (a given name replaces the old value). */
  public synchronized void addTags(Map<String, String> tags) {
    this.tags = Tags.merge(this.tags, tags);
  }

  /** The timeout for connecting and for waiting on each answer. */
  public Duration getTimeout() {
    return timeout;
  }

  /** Changes the timeout; applies to the next request (with the JDK engine, the connect part stays as built). */
  public void setTimeout(Duration timeout) {
    this.timeout = Builder.checkTimeout(timeout);
  }

  /** The metric name as sent: the configured sanitizer applied. */
  String sanitize(String name) {
    return sanitizer.apply(name);
  }

  /** A caller's metric name as requests carry it: present, sanitized, then checked against the API's rule. */
  String wireName(String name) {
    return Check.metricName(sanitize(Check.notNull("name", name)));
  }

  /** The HTTP layer, for the per-area classes. */
  Rest rest() {
    return rest;
  }

  Measurements measurementsApi() {
    return measurements;
  }

  // ---- measurements ----

  /** Submits one value with exactly these tags ({@code POST /v1/measurements}). */
  public void submit(String name, double value, Map<String, String> tags) {
    submit(Measurement.of(name, value, tags));
  }

  /** Submits one value; with {@code inheritTags} the connection's tags fill in names not given. */
  public void submit(String name, double value, Map<String, String> tags, boolean inheritTags) {
    submit(Measurement.builder(name).value(value).tags(tags).inheritTags(inheritTags).build());
  }

  /** Submits one value tagged with the connection's tags. */
  public void submit(String name, double value) {
    submit(Measurement.builder(name).value(value).build());
  }

  /** Submits one measurement (time, period, summaries as set on it). */
  public void submit(Measurement measurement) {
    measurements.submit(List.of(measurement));
  }

  /** Submits many measurements, in requests of at most 300, in order; validates all before sending any. */
  public void submit(Collection<Measurement> batch) {
    measurements.submit(List.copyOf(batch));
  }

  /** Same as {@link #submit(String, double, Map)}. */
  public void submitMeasurement(String name, double value, Map<String, String> tags) {
    submit(name, value, tags);
  }

  /** Same as {@link #submit(String, double, Map, boolean)}. */
  public void submitMeasurement(String name, double value, Map<String, String> tags, boolean inheritTags) {
    submit(name, value, tags, inheritTags);
  }

  /** Same as {@link #submit(Measurement)}. */
  public void submitMeasurement(Measurement measurement) {
    submit(measurement);
  }

  /** Same as {@link #submit(String, double, Map)}. */
  public void submitTagged(String name, double value, Map<String, String> tags) {
    submit(name, value, tags);
  }

  /** Same as {@link #submit(Measurement)}. */
  public void submitTagged(Measurement measurement) {
    submit(measurement);
  }

  /** The measurement as it would be sent: sanitized name, resolved and checked tags. Sends nothing. */
  public Measurement createTaggedPayload(Measurement measurement) {
    return measurements.resolve(measurement, Map.of());
  }

  /**
   * Reads measurements ({@code GET /v1/measurements/:name}). When the service splits the range into pages, they are
   * fetched and merged (series matched by tags) up to the query's {@code maxPages}, beyond which an
   * {@link IncompleteResultException} carries what was read; with {@code followPages(false)} one page is returned.
   */
  public MeasurementResult getMeasurements(String name, MeasurementQuery query) {
    return measurements.get(name, query);
  }

  /** Same as {@link #getMeasurements}. */
  public MeasurementResult getTagged(String name, MeasurementQuery query) {
    return getMeasurements(name, query);
  }

  /**
   * The page after {@code page} of a query built with {@code followPages(false)}, or empty when {@code page} was the
   * last. The service's link is followed only when it points to this connection's own host and base path.
   *
   * <pre>{@code
   * for (Optional<MeasurementResult> page = Optional.of(api.getMeasurements("cpu", onePageAtATime));
   *     page.isPresent(); page = api.nextMeasurements(page.get())) {
   *   handle(page.get());
   * }
   * }</pre>
   */
  public Optional<MeasurementResult> nextMeasurements(MeasurementResult page) {
    Check.notNull("page", page);
    return page.next().isEmpty() ? Optional.empty() : Optional.of(measurements.nextPage(page));
  }

  // ---- metrics ----

  /** The first page of metrics (server default length 100). */
  public Page<Metric> listMetrics() {
    return listMetrics(ListOptions.none());
  }

  /** One page of metrics: name filter, offset, length. */
  public Page<Metric> listMetrics(ListOptions options) {
    return metrics.list(options);
  }

  /** Every metric, fetched page by page as the stream is consumed. */
  public Stream<Metric> listAllMetrics() {
    return listAllMetrics(ListOptions.none());
  }

  /** Every matching metric, fetched page by page as the stream is consumed (length sets the page size). */
  public Stream<Metric> listAllMetrics(ListOptions options) {
    return metrics.listAll(options);
  }

  /** One metric's metadata; {@link NotFoundException} when it does not exist. */
  public Metric getMetric(String name) {
    return metrics.get(name);
  }

  /** Same as {@link #getMetric}. */
  public Metric get(String name) {
    return getMetric(name);
  }

  /** Creates a gauge named {@code name} (or updates it when it exists) and returns it. */
  public Metric createMetric(String name) {
    return createMetric(Metric.builder(name).build());
  }

  /** Creates the metric (or updates it when it exists) and returns it as stored. */
  public Metric createMetric(Metric metric) {
    return metrics.create(metric);
  }

  /** Same as {@link #createMetric(String)}. */
  public Metric create(String name) {
    return createMetric(name);
  }

  /** Same as {@link #createMetric(Metric)}. */
  public Metric create(Metric metric) {
    return createMetric(metric);
  }

  /** Updates the fields that are set on {@code changes} (attributes, description, period, …). */
  public void updateMetric(Metric changes) {
    metrics.update(changes);
  }

  /** Updates the attributes of metric {@code name}. */
  public void updateMetric(String name, MetricAttributes attributes) {
    updateMetric(Metric.builder(name).attributes(attributes).build());
  }

  /** Same as {@link #updateMetric(Metric)}. */
  public void update(Metric changes) {
    updateMetric(changes);
  }

  /** Same as {@link #updateMetric(String, MetricAttributes)}. */
  public void update(String name, MetricAttributes attributes) {
    updateMetric(name, attributes);
  }

  /** Deletes a metric and its data. */
  public void deleteMetric(String name) {
    metrics.delete(name);
  }

  /** Deletes several metrics in one request; absent names are not an error. */
  public void deleteMetric(Collection<String> names) {
    metrics.delete(names);
  }

  /** Same as {@link #deleteMetric(String)}. */
  public void delete(String name) {
    deleteMetric(name);
  }

  /** Same as {@link #deleteMetric(Collection)}. */
  public void delete(Collection<String> names) {
    deleteMetric(names);
  }

  // ---- queues and aggregation ----

  /** A new measurement queue with no tags of its own and no auto-submit. */
  public Queue newQueue() {
    return newQueue(QueueOptions.defaults());
  }

  /** A new measurement queue with the given tags and auto-submit count. */
  public Queue newQueue(QueueOptions options) {
    return new Queue(this, measurements, Objects.requireNonNull(options, "options"));
  }

  /** A new aggregator with no tags, period or fixed time. */
  public Aggregator newAggregator() {
    return newAggregator(AggregatorOptions.defaults());
  }

  /** A new aggregator with the given tags, period and time. */
  public Aggregator newAggregator(AggregatorOptions options) {
    return new Aggregator(measurements, Objects.requireNonNull(options, "options"));
  }

  // ---- reliability (asynchronous reporter) ----

  /** A {@link Reporter} with the default settings; use {@link Reporter#builder(AppOptics)} to configure one. */
  public Reporter newReporter() {
    return Reporter.builder(this).build();
  }

  // ---- annotations (client resources) ----

  /**
   * Every annotation stream, fetched page by page as the stream is consumed. Close the stream (or consume it fully)
   * like any other {@link Stream}; each page is one request.
   */
  public Stream<AnnotationStream> listAnnotationStreams() {
    return listAnnotationStreams(ListOptions.none());
  }

  /** The annotation streams matching {@code options} (name substring, paging), fetched lazily page by page. */
  public Stream<AnnotationStream> listAnnotationStreams(ListOptions options) {
    return annotationsApi().list(Check.notNull("options", options));
  }

  /** A stream's name and display name, without events; {@link NotFoundException} if it does not exist. */
  public AnnotationStream getAnnotationStream(String name) {
    return annotationsApi().get(name, null);
  }

  /**
   * A stream with the events that {@code query} selects, grouped by source as the API returns them.
   *
   * <pre>{@code
   * AnnotationStream deploys = api.getAnnotationStream("deploys", AnnotationQuery.since(Instant.now().minus(Duration.ofDays(1))));
   * deploys.allEvents().forEach(e -> System.out.println(e.title()));
   * }</pre>
   */
  public AnnotationStream getAnnotationStream(String name, AnnotationQuery query) {
    return annotationsApi().get(name, Check.notNull("query", query));
  }

  /** One event of a stream; {@link NotFoundException} if the stream or the event does not exist. */
  public AnnotationEvent getAnnotation(String stream, long id) {
    return annotationsApi().getEvent(stream, id);
  }

  /** Sets a stream's display name. */
  public void updateAnnotationStream(String name, String displayName) {
    annotationsApi().update(name, displayName);
  }

  /**
   * Posts an event to a stream, creating the stream on its first event, and returns the event as stored (with its
   * id and start time).
   *
   * <pre>{@code
   * api.postAnnotation("deploys", AnnotationEvent.builder("Deployed v29").source("web1").build());
   * }</pre>
   */
  public AnnotationEvent postAnnotation(String stream, AnnotationEvent event) {
    return annotationsApi().post(stream, event);
  }

  /** Posts an event with only a title, starting now. */
  public AnnotationEvent postAnnotation(String stream, String title) {
    return postAnnotation(stream, AnnotationEvent.builder(title).build());
  }

  /** Deletes a stream and all its events. */
  public void deleteAnnotationStream(String name) {
    annotationsApi().delete(name);
  }

  private Annotations annotationsApi() {
    return new Annotations(rest());
  }


  // ---- spaces and charts (client resources) ----

  /** Every space, fetched page by page as the stream is consumed; close or fully consume the stream. */
  public Stream<Space> listSpaces() {
    return listSpaces(ListOptions.none());
  }

  /** The spaces matching {@code options} (name substring, paging), fetched lazily page by page. */
  public Stream<Space> listSpaces(ListOptions options) {
    return spacesApi().list(Check.notNull("options", options));
  }

  /** A space with its chart ids; {@link NotFoundException} if there is none with this id. */
  public Space getSpace(long id) {
    return spacesApi().get(id);
  }

  /**
   * The space named exactly {@code name}, ignoring case, read with its chart ids. Space names are not unique: when
   * several match, this is the first in the API's list order (by name, then as the service orders equal names).
   */
  public java.util.Optional<Space> findSpace(String name) {
    return spacesApi().find(name);
  }

  /** Creates an empty space. */
  public Space createSpace(String name) {
    return spacesApi().create(name);
  }

  /** Stores the space's name (the only changeable field): {@code api.updateSpace(space.withName("Ops"))}. */
  public void updateSpace(Space space) {
    spacesApi().update(space);
  }

  /** Deletes a space and its charts. */
  public void deleteSpace(long id) {
    spacesApi().delete(id);
  }

  /**
   * The charts of {@code space}, bound to this connection: list, add (line, stacked, big-number), rename, delete.
   *
   * <pre>{@code
   * Space ops = api.createSpace("Ops");
   * api.charts(ops).addLineChart("CPU", ChartStream.metric("cpu").build());
   * }</pre>
   */
  public SpaceCharts charts(Space space) {
    return charts(Check.notNull("space", space).id());
  }

  /** The charts of the space with this id, bound to this connection. */
  public SpaceCharts charts(long spaceId) {
    return new SpaceCharts(this, spaceId);
  }

  /** The charts of a space, in the API's order (the API does not paginate them). */
  public List<Chart> listChartsInSpace(long spaceId) {
    return chartsApi().list(spaceId);
  }

  /** The charts of a space. */
  public List<Chart> listChartsInSpace(Space space) {
    return listChartsInSpace(Check.notNull("space", space).id());
  }

  /** One chart; {@link NotFoundException} if the space or the chart does not exist. */
  public Chart getChart(long spaceId, long chartId) {
    return chartsApi().get(spaceId, chartId);
  }

  /** One chart of {@code space}. */
  public Chart getChart(Space space, long chartId) {
    return getChart(Check.notNull("space", space).id(), chartId);
  }

  /** The first chart of the space with this name, ignoring case. */
  public java.util.Optional<Chart> findChart(long spaceId, String name) {
    return chartsApi().find(spaceId, name);
  }

  /** The first chart of {@code space} with this name, ignoring case. */
  public java.util.Optional<Chart> findChart(Space space, String name) {
    return findChart(Check.notNull("space", space).id(), name);
  }

  /** Saves {@code chart} as a new chart of the space (ids it carries are not sent) and returns it as stored. */
  public Chart createChart(long spaceId, Chart chart) {
    return chartsApi().create(spaceId, chart);
  }

  /** Saves {@code chart} as a new chart of {@code space}. */
  public Chart createChart(Space space, Chart chart) {
    return createChart(Check.notNull("space", space).id(), chart);
  }

  /** Replaces the stored chart with {@code chart} (which must have an id), streams included; returns it as stored. */
  public Chart updateChart(long spaceId, Chart chart) {
    return chartsApi().update(spaceId, chart);
  }

  /** Replaces the stored chart of {@code space} with {@code chart}. */
  public Chart updateChart(Space space, Chart chart) {
    return updateChart(Check.notNull("space", space).id(), chart);
  }

  /** Renames a saved chart, keeping its streams and options; returns it as stored. */
  public Chart renameChart(long spaceId, Chart chart, String newName) {
    return chartsApi().rename(spaceId, chart, newName);
  }

  /** Renames a saved chart of {@code space}. */
  public Chart renameChart(Space space, Chart chart, String newName) {
    return renameChart(Check.notNull("space", space).id(), chart, newName);
  }

  /** Deletes a chart. */
  public void deleteChart(long spaceId, long chartId) {
    chartsApi().delete(spaceId, chartId);
  }

  /** Deletes a chart of {@code space}. */
  public void deleteChart(Space space, long chartId) {
    deleteChart(Check.notNull("space", space).id(), chartId);
  }

  private Spaces spacesApi() {
    return new Spaces(rest());
  }

  private Charts chartsApi() {
    return new Charts(rest());
  }


  // ---- alerts and services (client resources) ----

  /**
   * Every alert, active or not, fetched page by page as the stream is consumed; close or fully consume the stream.
   * For active ones only: {@code listAlerts().filter(Alert::isActive)}.
   */
  public Stream<Alert> listAlerts() {
    return listAlerts(ListOptions.none());
  }

  /** The alerts matching {@code options} (name substring, case-insensitive; paging), fetched lazily. */
  public Stream<Alert> listAlerts(ListOptions options) {
    return alertsApi().list(Check.notNull("options", options));
  }

  /** The alert with exactly this name (ignoring case when no exact match), with its conditions and services. */
  public java.util.Optional<Alert> getAlert(String name) {
    return alertsApi().getByName(name);
  }

  /** The alert with this id, if it exists. */
  public java.util.Optional<Alert> getAlert(long id) {
    return alertsApi().get(id);
  }

  /**
   * Creates an alert and returns it as stored. The API's create answer lacks conditions and services, so this reads
   * the alert back (two requests).
   *
   * <pre>{@code
   * Alert alert = api.createAlert(Alert.builder("cpu.high").addConditionFor("cpu").above(90).duration(60).and().build());
   * }</pre>
   */
  public Alert createAlert(Alert alert) {
    return alertsApi().create(alert);
  }

  /**
   * Replaces a stored alert (which must have an id): conditions, services and attributes left out are removed.
   * Returns the alert as stored (read back, two requests).
   */
  public Alert updateAlert(Alert alert) {
    return alertsApi().update(alert);
  }

  /** Deletes the alert with this id; {@link NotFoundException} if there is none. */
  public void deleteAlert(long id) {
    alertsApi().delete(id);
  }

  /** Deletes the alert with this name; returns whether there was one. */
  public boolean deleteAlert(String name) {
    return alertsApi().deleteByName(name);
  }

  /** Every notification service, fetched page by page as the stream is consumed. */
  public Stream<Service> listServices() {
    return listServices(ListOptions.none());
  }

  /** The notification services, with paging options, fetched lazily. */
  public Stream<Service> listServices(ListOptions options) {
    return alertsApi().listServices(Check.notNull("options", options));
  }

  private Alerts alertsApi() {
    return new Alerts(rest());
  }


  // ---- API tokens, jobs, snapshots ----

  /** Every API token, fetched page by page as the stream is consumed; close or fully consume the stream. */
  public Stream<ApiToken> listApiTokens() {
    return listApiTokens(ListOptions.none());
  }

  /**
   * The API tokens whose name matches {@code options.name()}, a pattern with {@code *} wildcards (without one it
   * matches anywhere in the name: {@code collector} finds {@code my collector token}), fetched lazily.
   */
  public Stream<ApiToken> listApiTokens(ListOptions options) {
    return apiTokensApi().list(Check.notNull("options", options));
  }

  /** One API token; {@link NotFoundException} if there is none with this id. */
  public ApiToken getApiToken(long id) {
    return apiTokensApi().get(id);
  }

  /** Creates a token and returns it as stored, with the secret the service generated ({@link ApiToken#token()}). */
  public ApiToken createApiToken(ApiToken token) {
    return apiTokensApi().create(token);
  }

  /** Stores the name, role and active flag of a token (which must have an id); returns it as stored. */
  public ApiToken updateApiToken(ApiToken token) {
    return apiTokensApi().update(token);
  }

  /** Deletes an API token; {@link NotFoundException} if there is none with this id. */
  public void deleteApiToken(long id) {
    apiTokensApi().delete(id);
  }

  /** A background job's current state; {@link NotFoundException} if there is none with this id. */
  public Job getJob(long id) {
    return new Jobs(rest()).get(id);
  }

  /**
   * Waits until a background job has finished and returns it, complete. Reads it again and again, pausing 100 ms at
   * first and up to 2 s later.
   *
   * @throws JobFailedException when the job failed or was canceled
   * @throws JobTimeoutException when it is still running after {@code timeout} (or the thread is interrupted)
   */
  public Job waitForJob(long id, Duration timeout) {
    return new Jobs(rest()).waitFor(id, timeout);
  }

  /**
   * Asks the service to render a chart as an image and returns the snapshot as created: its {@link
   * Snapshot#jobId()} is the job to wait for, after which {@link #getSnapshot} shows the image's address.
   *
   * <pre>{@code
   * Snapshot requested = api.createSnapshot(Snapshot.builder(chart).duration(Duration.ofHours(6)).build());
   * }</pre>
   */
  public Snapshot createSnapshot(Snapshot snapshot) {
    return new Snapshots(rest()).create(snapshot);
  }

  /** One snapshot; {@link NotFoundException} if there is none with this id. */
  public Snapshot getSnapshot(long id) {
    return new Snapshots(rest()).get(id);
  }

  private ApiTokens apiTokensApi() {
    return new ApiTokens(rest());
  }


  // ---- composites ----

  private final Composites composites = new Composites(this);

  /**
   * Evaluates a composite expression ({@code GET /v1/measurements?compose=…}) over the query's time range and
   * resolution; tag filters belong inside the expression. The expression is checked locally first.
   *
   * <pre>{@code
   * CompositeResult r = appOptics.getComposite(
   *     Compose.mean(Compose.s("temperature", "*").function("mean").period(3600)),
   *     MeasurementQuery.last(Duration.ofHours(8), 3600));
   * }</pre>
   *
   * @throws InvalidInputException naming {@code compose} (and the error position) when the expression is invalid
   */
  public CompositeResult getComposite(Compose expression, MeasurementQuery query) {
    return composites.get(Check.notNull("compose", expression).toString(), query);
  }

  /** Like {@link #getComposite(Compose, MeasurementQuery)} for an expression written as text. */
  public CompositeResult getComposite(String expression, MeasurementQuery query) {
    return composites.get(expression, query);
  }

  /** Same as {@link #getComposite(Compose, MeasurementQuery)} (the Python library's name for the tagged route). */
  public CompositeResult getCompositeTagged(Compose expression, MeasurementQuery query) {
    return getComposite(expression, query);
  }

  /** Same as {@link #getComposite(String, MeasurementQuery)}. */
  public CompositeResult getCompositeTagged(String expression, MeasurementQuery query) {
    return getComposite(expression, query);
  }

  /**
   * Saves a composite metric ({@code PUT /v1/metrics/:name} with {@code type: composite}); reading it by name with
   * {@link #getMeasurements} evaluates the expression.
   */
  public Metric createComposite(String name, Compose expression) {
    return createComposite(name, Check.notNull("composite", expression).toString());
  }

  /** Like {@link #createComposite(String, Compose)} for an expression written as text. */
  public Metric createComposite(String name, String expression) {
    return createComposite(Metric.builder(name).composite(Composites.check("composite", expression)).build());
  }

  /** Saves a composite built with {@code Metric.builder(name).composite(expression)} plus description, etc. */
  public Metric createComposite(Metric composite) {
    return composites.create(composite);
  }

  /** Releases pooled connections. Requests after close fail with a {@link TransportException}. */
  @Override
  public void close() {
    rest.close();
  }

  @Override
  public String toString() {
    return "AppOptics{" + baseUri + ", engine=" + engine + ", tags=" + tags + "}";
  }

  /**
   * Configures a connection. Defaults: token from {@code $APPOPTICS_TOKEN}, base URI
   * {@link #DEFAULT_BASE_URI}, no tags, no sanitizer, timeout {@link #DEFAULT_TIMEOUT}, {@link HttpEngine#APACHE}.
   */
  public static final class Builder {
    private String token;
    private URI baseUri = DEFAULT_BASE_URI;
    private Map<String, String> tags = Map.of();
    private UnaryOperator<String> sanitizer = UnaryOperator.identity();
    private Duration timeout = DEFAULT_TIMEOUT;
    private String userAgent = Version.userAgent();
    private HttpEngine engine = HttpEngine.APACHE;
    private int maxConnections = 20;
    private Function<String, String> environment = System::getenv;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Integer gzipThreshold; // null: 16 KiB, or off for a loopback base URI

    private Builder() {}

    /** The API token; when null or empty, {@code $APPOPTICS_TOKEN} is used. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** The API root, e.g. {@code http://localhost:8080/v1/} for the emulator. */
    public Builder baseUri(URI baseUri) {
      Check.notNull("baseUri", baseUri);
      String scheme = baseUri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUri.getHost() == null) {
        throw new InvalidInputException("baseUri", baseUri.toString(), "must be an http:// or https:// URI with a host");
      }
      if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
        throw new InvalidInputException("baseUri", baseUri.toString(), "must not have a query or fragment");
      }
      String s = baseUri.toString();
      this.baseUri = URI.create(s.endsWith("/") ? s : s + "/");
      return this;
    }

    /** The API root as text. */
    public Builder baseUri(String baseUri) {
      try {
        return baseUri(URI.create(Check.notNull("baseUri", baseUri)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("baseUri", baseUri, "is not a URI: " + e.getMessage());
      }
    }

    /** Connection-level tags. */
    public Builder tags(Map<String, String> tags) {
      this.tags = Tags.copy(tags);
      return this;
    }

    /** Adds one connection-level tag. */
    public Builder tag(String name, String value) {
      this.tags = Tags.merge(tags, Map.of(Check.notNull("tag name", name), Check.notNull("tags." + name, value)));
      return this;
    }

    /** Applied to every metric name before sending, e.g. {@code MetricNames::sanitize}. Default: none. */
    public Builder sanitizer(UnaryOperator<String> sanitizer) {
      this.sanitizer = Check.notNull("sanitizer", sanitizer);
      return this;
    }

    /** Connect and read timeout (default 10 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = checkTimeout(timeout);
      return this;
    }

    /** Replaces the default User-Agent. */
    public Builder userAgent(String userAgent) {
      if (userAgent == null || userAgent.isBlank()) {
        throw new InvalidInputException("userAgent", userAgent, "must not be blank");
      }
      this.userAgent = userAgent;
      return this;
    }

    /** The HTTP library to send through (default {@link HttpEngine#APACHE}). */
    public Builder httpEngine(HttpEngine engine) {
      this.engine = Check.notNull("httpEngine", engine);
      return this;
    }

    /** Upper bound of pooled connections (default 20). */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new InvalidInputException("maxConnections", maxConnections, "must be at least 1");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /** When and how often failed requests are retried (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Check.notNull("retryPolicy", retryPolicy);
      return this;
    }

    /**
     * Gzip-compresses request bodies of at least {@code bytes} bytes (0: every body). Default: 16 KiB, and off when
     * the base URI is a loopback address, where compressing costs more CPU than the bytes it saves.
     */
    public Builder gzipThreshold(int bytes) {
      if (bytes < 0) {
        throw new InvalidInputException("gzipThreshold", bytes, "must be 0 or positive (use disableGzip() to turn it off)");
      }
      this.gzipThreshold = bytes;
      return this;
    }

    /** Never compresses request bodies. */
    public Builder disableGzip() {
      this.gzipThreshold = -1;
      return this;
    }

    int gzipThreshold() {
      if (gzipThreshold != null) {
        return gzipThreshold;
      }
      String host = baseUri.getHost();
      boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
      return loopback ? -1 : 16 * 1024;
    }

    /** Where the token fallback is read from; tests replace the process environment. */
    Builder environment(Function<String, String> environment) {
      this.environment = environment;
      return this;
    }

    /** Opens the connection (no request is sent yet). */
    public AppOptics build() {
      String t = token == null || token.isEmpty() ? environment.apply(TOKEN_ENV) : token;
      if (t == null || t.isEmpty()) {
        throw new InvalidInputException("token", t, "give a token or set " + TOKEN_ENV);
      }
      if (!StandardCharsets.US_ASCII.newEncoder().canEncode(t) || t.contains(":")) {
        throw new InvalidInputException("token", "<hidden>", "must be ASCII without ':'");
      }
      return new AppOptics(this, t);
    }

    static Duration checkTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new InvalidInputException("timeout", timeout, "must be positive");
      }
      return timeout;
    }
  }
}
