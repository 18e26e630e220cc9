package dev.appoptics.emulator.internal.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.store.Changes;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Delivers notifications on its own threads, so evaluation never waits for a receiver. A {@code webhook} service
 * gets a form POST with one {@code payload} parameter holding the JSON; a {@code slack} service gets {@code
 * {"text":…}} as JSON at its incoming-webhook URL; any other type is recorded as undelivered. A failed attempt (no
 * answer, a 5xx, 408 or 429) is tried again after a back-off that doubles from the first one; another 4xx fails at
 * once. The notifications of one alert to one service go out one after the other, in the order they were decided, so
 * a receiver never hears of a clear before the trigger. Every attempt and outcome goes to the log sink, the {@link
 * DeliveryLog} (and so the resource store) and the figures on /metrics. Deliveries still pending when the emulator
 * stopped are resumed when it starts again on the same resources.
 */
final class Notifier implements AutoCloseable {
  /** How many deliveries may wait for a thread before new ones are refused (recorded as undelivered). */
  static final int QUEUE = 10_000;

  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final Clock clock;
  private final Consumer<String> log;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final DeliveryLog deliveries;
  private final ThreadPoolExecutor senders;
  private final ScheduledExecutorService retries;
  /** Made at the first delivery: a JDK client starts a selector thread, which most emulators never need. */
  private HttpClient http;
  private final AtomicLong nextId;
  private final AtomicInteger pending = new AtomicInteger();
  private final Map<List<String>, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<List<String>, LongAdder> attempts = new ConcurrentHashMap<>();
  /** Per alert and service, the deliveries waiting for the one in progress; present while one is in progress. */
  private final Map<String, Deque<Runnable>> lanes = new HashMap<>();

  Notifier(Clock clock, Consumer<String> log, int maxAttempts, Duration firstBackoff, ResourceStore resources) {
    this.clock = clock;
    this.log = log;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.deliveries = new DeliveryLog(resources, log);
    this.nextId = new AtomicLong(deliveries.highestId() + 1);
    this.senders = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
        daemon("appoptics-alert-delivery"));
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("appoptics-alert-retry"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.retries = scheduler;
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }
    return http;
  }

  DeliveryLog deliveries() {
    return deliveries;
  }

  /**
   * Makes the delivery of {@code n} to {@code service} (as {@code GET /v1/services/:id} shows it) and adds its record
   * to {@code changes}; answers what starts it, to run once {@code changes} are written. Starting returns at once.
   */
  Runnable prepare(Notification n, JsonNode service, Changes changes) {
    String type = service.path("type").asText();
    // Types the emulator cannot deliver still record the webhook payload: what the alert had to say.
    JsonNode payload = type.equals("slack") ? slack(n, service) : Payloads.webhook(n);
    Delivery d = new Delivery(nextId.getAndIncrement(), n, service, payload);
    String problem = type.equals("webhook") || type.equals("slack")
        ? checkUrl(service.path("settings").path("url").asText(""))
        : "unsupported service type '" + type + "': the emulator delivers webhook and slack services only";
    if (!problem.isEmpty()) {
      // Over before it starts: recorded with its outcome.
      d.finish(Delivery.Status.UNDELIVERED, problem);
    }
    deliveries.add(d, changes);
    return problem.isEmpty() ? () -> start(d, service, 1) : () -> finished(d);
  }

  /**
   * Resumes the deliveries that were pending when the emulator stopped, for the alerts {@code alertIds}, to their
   * services as {@code services} finds them now (a service deleted since: undelivered); the attempts go on from the
   * last recorded one.
   */
  void resume(Set<Long> alertIds, LongFunction<Optional<ObjectNode>> services) {
    for (Delivery d : deliveries.load(alertIds)) {
      Optional<ObjectNode> service = services.apply(d.serviceId());
      if (service.isEmpty()) {
        finish(d, Delivery.Status.UNDELIVERED, "service " + d.serviceId() + " no longer exists");
        continue;
      }
      String problem = checkUrl(service.get().path("settings").path("url").asText(""));
      if (!problem.isEmpty()) {
        finish(d, Delivery.Status.UNDELIVERED, problem);
        continue;
      }
      start(d, service.get(), Math.min(d.attemptCount() + 1, maxAttempts));
    }
  }

  /** Sends {@code d} to the URL of {@code service} (checked), from attempt {@code attempt} on, after its lane. */
  private void start(Delivery d, JsonNode service, int attempt) {
    HttpRequest request = request(service.path("settings").path("url").asText(), d.serviceType(), d.payload());
    pending.incrementAndGet();
    enqueue(d.lane(), () -> submit(d, request, attempt));
  }

  /** Starts {@code start} now if nothing of its lane is in progress, else after what is. */
  private void enqueue(String lane, Runnable start) {
    synchronized (lanes) {
      Deque<Runnable> waiting = lanes.get(lane);
      if (waiting != null) {
        waiting.add(start);
        return;
      }
      lanes.put(lane, new ArrayDeque<>());
    }
    start.run();
  }

  /** The delivery in progress on {@code lane} is over: start the next one waiting, if any. */
  private void next(String lane) {
    Runnable start;
    synchronized (lanes) {
      Deque<Runnable> waiting = lanes.get(lane);
      start = waiting == null ? null : waiting.poll();
      if (start == null) {
        lanes.remove(lane);
      }
    }
    if (start != null) {
      start.run();
    }
  }

  private static ObjectNode slack(Notification n, JsonNode service) {
    ObjectNode body = Json.object();
    body.put("text", Payloads.slackText(n));
    body.put("username", service.path("settings").path("username").asText("AppOptics Alerts"));
    return body;
  }

  private static String checkUrl(String url) {
    if (url.isEmpty()) {
      return "settings.url is missing";
    }
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return "";
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    return "settings.url is not an http or https URL: '" + url + "'";
  }

  private static HttpRequest request(String url, String type, JsonNode payload) {
    String body;
    String contentType;
    if (type.equals("webhook")) {
      body = "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
      contentType = "application/x-www-form-urlencoded";
    } else {
      body = payload.toString();
      contentType = "application/json";
    }
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", contentType)
        .header("User-Agent", "appoptics-emulator-alerts")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private void submit(Delivery d, HttpRequest request, int attempt) {
    try {
      senders.execute(() -> attempt(d, request, attempt));
    } catch (RejectedExecutionException e) {
      pending.decrementAndGet();
      if (senders.isShutdown()) {
        leftPending(d);
        return;
      }
      finish(d, Delivery.Status.UNDELIVERED, "more than " + QUEUE + " deliveries waiting");
      next(d.lane());
    }
  }

  private void attempt(Delivery d, HttpRequest request, int attempt) {
    long started = System.nanoTime();
    int status = 0;
    String error = "";
    try {
      status = http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted: the emulator stopped";
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    d.attempted(new Delivery.Attempt(clock.instant().getEpochSecond(), status, error, millis));
    boolean ok = status >= 200 && status < 300;
    count(attempts, d.serviceType(), ok ? "ok" : "error");
    String outcome = status > 0 ? Integer.toString(status) : error;
    boolean again = !ok && attempt < maxAttempts && retryable(status);
    boolean stopped = senders.isShutdown();
    boolean retry = again && !stopped;
    Duration wait = backoff(attempt);
    line("NOTIFY POST " + request.uri() + " -> " + outcome + " " + millis + "ms " + d.label() + " attempt " + attempt
        + "/" + maxAttempts + (retry ? ", retry in " + wait.toMillis() + "ms" : ""));
    if (retry) {
      deliveries.update(d);
      retries.schedule(() -> submit(d, request, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    pending.decrementAndGet();
    if (again) {
      deliveries.update(d);
      leftPending(d);
      return;
    }
    if (ok) {
      finish(d, Delivery.Status.DELIVERED, "");
    } else {
      String why = status > 0 ? "HTTP " + status : error;
      finish(d, Delivery.Status.FAILED, why + " after " + attempt + (attempt == 1 ? " attempt" : " attempts"));
    }
    next(d.lane());
  }

  /** The emulator stopped before {@code d} was over: its record stays pending, so the next start resumes it. */
  private void leftPending(Delivery d) {
    line("NOTIFY " + d.label() + " -> left pending: the emulator stopped");
  }

  /** No answer, a server error, a timeout or a rate limit may pass; another client error will not. */
  private static boolean retryable(int status) {
    return status == 0 || status >= 500 || status == 408 || status == 429;
  }

  private Duration backoff(int attempt) {
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private void finish(Delivery d, Delivery.Status outcome, String reason) {
    d.finish(outcome, reason);
    deliveries.update(d);
    finished(d);
  }

  /** Counts and logs the outcome of {@code d}, which is over. */
  private void finished(Delivery d) {
    String name = d.statusName();
    count(outcomes, d.serviceType(), d.kindName(), name);
    String reason = d.reason();
    line("NOTIFY " + d.label() + " -> " + name + (reason.isEmpty() ? "" : ": " + reason));
  }

  private void line(String text) {
    if (log != null) {
      log.accept(text);
    }
  }

  private static void count(Map<List<String>, LongAdder> counters, String... labels) {
    counters.computeIfAbsent(List.of(labels), k -> new LongAdder()).increment();
  }

  void writeTo(PrometheusText out) {
    out.family("appoptics_alert_notifications_total", "counter",
        "Alert notifications by service type, kind (triggered, cleared) and outcome (delivered, failed, undelivered).");
    outcomes.forEach((labels, n) -> out.sample("appoptics_alert_notifications_total", n.sum(),
        "type", labels.get(0), "kind", labels.get(1), "outcome", labels.get(2)));
    out.family("appoptics_alert_delivery_attempts_total", "counter",
        "HTTP attempts to deliver alert notifications, by service type and result (ok, error).");
    attempts.forEach((labels, n) -> out.sample("appoptics_alert_delivery_attempts_total", n.sum(),
        "type", labels.get(0), "result", labels.get(1)));
    out.single("appoptics_alert_deliveries_pending", "gauge",
        "Alert notifications still being delivered or waiting for a retry.", pending.get());
  }

  @Override
  public void close() {
    retries.shutdownNow();
    senders.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
