package dev.appoptics.emulator.internal.alerting;

import dev.appoptics.emulator.internal.measure.CompositeQueries;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.EmulatorState;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.resources.services.ServicesModule;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Alerts that fire: evaluates every active alert on an interval of the emulator's clock (see {@link AlertEngine}),
 * delivers the notifications (see {@link Notifier}), and answers the routes that show the live state of alerts: {@code
 * GET /v1/alerts/status}, {@code GET /v1/alerts/:id/status}, {@code POST /v1/alerts/:id/clear}, and the emulator's own
 * {@code GET /v1/alerts/:id/notifications}. The alerts themselves come from the alert resource, through {@link
 * AlertCatalog}. Incidents and deliveries are kept in the resource store (see {@link AlertEngine} and {@link
 * DeliveryLog}): a durable emulator takes them up again when it starts, and resumes the deliveries it left pending.
 */
public final class AlertingModule implements ApiModule {
  /** How long a cleared alert stays in the account-wide status. */
  static final long RECENTLY_CLEARED = 86_400;

  private final AlertCatalog catalog;
  private final Clock clock;
  private final Consumer<String> log;
  private final Notifier notifier;
  private final AlertEngine engine;
  private final ScheduledExecutorService schedule;
  private final LongAdder evaluations = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final AtomicLong evaluationNanos = new AtomicLong();
  private volatile long lastEvaluationNanos;

  public AlertingModule(
      EmulatorSettings settings, EmulatorState state, AlertCatalog catalog, ServicesModule services,
      CompositeQueries composites) {
    this.catalog = catalog;
    this.clock = settings.clock();
    this.log = settings.messageLog().orElse(null);
    this.notifier = new Notifier(
        clock, log, settings.alertDeliveryAttempts(), settings.alertRetryBackoff(), state.resources());
    this.engine = new AlertEngine(catalog, state.store(), state.registry(), composites, clock, state.resources(),
        (n, changes) -> {
          List<Runnable> starts = new ArrayList<>();
          for (long id : n.rule().serviceIds()) {
            services.find(id).ifPresent(service -> starts.add(notifier.prepare(n, service, changes)));
          }
          return () -> starts.forEach(Runnable::run);
        });
    notifier.resume(catalog.rules().stream().map(AlertRule::id).collect(Collectors.toSet()), services::find);
    state.addMetricsSource(this::writeTo);
    Duration interval = settings.alertInterval();
    if (interval.isZero()) {
      this.schedule = null;
    } else {
      this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "appoptics-alert-evaluation");
        t.setDaemon(true);
        return t;
      });
      long millis = interval.toMillis();
      schedule.scheduleAtFixedRate(this::evaluateOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void register(Router router) {
    router
        .add("GET", "/v1/alerts/status", this::accountStatus)
        .add("GET", "/v1/alerts/{id}/status", this::status)
        .add("POST", "/v1/alerts/{id}/clear", this::clearAlert)
        .add("GET", "/v1/alerts/{id}/notifications", this::notifications);
  }

  /** Runs one evaluation now, on the caller's thread; notifications are delivered in the background. */
  public void evaluate() {
    long started = System.nanoTime();
    engine.evaluate();
    long took = System.nanoTime() - started;
    lastEvaluationNanos = took;
    evaluationNanos.addAndGet(took);
    evaluations.increment();
  }

  private void evaluateOnSchedule() {
    try {
      evaluate();
    } catch (RuntimeException e) {
      // A failure must not end the schedule: count it, say so, and try again at the next interval.
      failures.increment();
      if (log != null) {
        log.accept("alert evaluation failed: " + e);
      }
    }
  }

  @Override
  public void clear() {
    engine.reset();
    notifier.deliveries().clear();
  }

  @Override
  public void close() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
    notifier.close();
  }

  private ApiResponse status(ApiRequest request) {
    AlertRule rule = existing(request.pathId("id"));
    ObjectNode body = Json.object();
    body.putObject("alert").put("id", rule.id());
    // A disabled alert is ok at once, not only from the next evaluation on.
    body.put("status", rule.active() && engine.status(rule.id()).firing() ? "triggered" : "ok");
    return ApiResponse.json(200, body);
  }

  private ApiResponse clearAlert(ApiRequest request) {
    engine.clear(existing(request.pathId("id")).id(), request.now());
    return ApiResponse.empty(204);
  }

  /** The firing alerts, and those whose last incident ended within the last day. */
  private ApiResponse accountStatus(ApiRequest request) {
    Set<Long> active = catalog.rules().stream().filter(AlertRule::active).map(AlertRule::id)
        .collect(Collectors.toSet());
    ObjectNode body = Json.object();
    ArrayNode firing = body.putArray("firing");
    ArrayNode cleared = body.putArray("cleared");
    for (Map.Entry<Long, AlertStatus> e : engine.statuses().entrySet()) {
      AlertStatus s = e.getValue();
      if (s.firing() && active.contains(e.getKey())) {
        firing.addObject().put("id", e.getKey()).put("triggered_at", s.triggeredAt());
      } else if (!s.firing() && s.clearedAt() != AlertState.NEVER
          && request.now() - s.clearedAt() <= RECENTLY_CLEARED) {
        cleared.addObject().put("id", e.getKey()).put("cleared_at", s.clearedAt());
      }
    }
    return ApiResponse.json(200, body);
  }

  /** The emulator's own route: the latest deliveries of one alert, newest first, with attempts and payloads. */
  private ApiResponse notifications(ApiRequest request) {
    long id = existing(request.pathId("id")).id();
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("notifications");
    notifier.deliveries().recent(id).forEach(list::add);
    return ApiResponse.json(200, body);
  }

  private AlertRule existing(long id) {
    return catalog.rule(id).orElseThrow(() -> Json.notFound("Alert", id));
  }

  private void writeTo(PrometheusText out) {
    out.single("appoptics_alert_evaluations_total", "counter", "Alert evaluations run.", evaluations.sum());
    out.single("appoptics_alert_evaluation_failures_total", "counter",
        "Scheduled alert evaluations that failed with an error.", failures.sum());
    out.single("appoptics_alert_evaluation_seconds_total", "counter",
        "Time spent evaluating alerts, in seconds.", evaluationNanos.get() / 1e9);
    out.single("appoptics_alert_evaluation_last_seconds", "gauge",
        "Time the last alert evaluation took, in seconds.", lastEvaluationNanos / 1e9);
    out.single("appoptics_alerts_firing", "gauge", "Alerts with an open incident.", engine.firingCount());
    notifier.writeTo(out);
  }
}
