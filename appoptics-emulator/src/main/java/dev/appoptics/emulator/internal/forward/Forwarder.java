package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.QueueFullPolicy;
import dev.appoptics.emulator.internal.AcceptedBatchListener;
import dev.appoptics.emulator.internal.EmulatorState;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.ops.MetricsSource;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forwards every accepted measurement to Prometheus remote-write and/or OTLP/HTTP. As an {@link
 * AcceptedBatchListener} it writes each accepted payload, once encoded (see {@link RecordWriter}), into every
 * destination's bounded queue before the client is answered; each {@link Destination} delivers its queue in the
 * background. When a queue is full, {@link QueueFullPolicy} decides: answer 503 before anything is stored, or drop
 * the oldest queued data. Reports its figures on {@code GET /metrics} as a {@link MetricsSource}.
 *
 * <pre>{@code
 * Forwarder forwarder = Forwarder.start(settings, state, clock);   // registers itself with the state
 * ...
 * forwarder.close();                                               // after the HTTP front stopped
 * }</pre>
 */
public final class Forwarder implements AcceptedBatchListener, MetricsSource, AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.appoptics.forward");
  private static final long SEGMENT_BYTES = 16L << 20;
  /** How long closing an in-memory queue waits for it to drain while its receiver answers. */
  private static final long MEMORY_DRAIN_MILLIS = 5_000;

  private final ForwardSettings settings;
  private final Clock clock;
  private final List<Destination> destinations = new ArrayList<>();
  private final ScheduledExecutorService syncer;
  /** Each request thread's record writer, sharing one cache of series keys. */
  private final ThreadLocal<RecordWriter> writers;

  private Forwarder(ForwardSettings settings, MetricDescriptions descriptions, Clock clock, Backoff backoff)
      throws IOException {
    this.settings = settings;
    this.clock = clock;
    SeriesKeys keys = new SeriesKeys();
    this.writers = ThreadLocal.withInitial(() -> new RecordWriter(keys, descriptions));
    long limit = settings.queueLimit();
    if (settings.prometheus().isPresent()) {
      destinations.add(new Destination(Wire.remoteWrite(descriptions, clock::millis),
          new HttpPost(settings.prometheus().get(), settings.headers()), queue("prometheus"), limit, descriptions,
          backoff));
    }
    if (settings.otlp().isPresent()) {
      destinations.add(new Destination(Wire.otlp(descriptions),
          new HttpPost(settings.otlp().get(), settings.headers()), queue("otlp"), limit, descriptions, backoff));
    }
    this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "appoptics-fsync-forward");
      t.setDaemon(true);
      return t;
    });
    syncer.scheduleWithFixedDelay(this::syncQueues, 1, 1, TimeUnit.SECONDS);
    destinations.forEach(Destination::start);
  }

  /**
   * Starts forwarding as {@code settings} say and registers it with {@code state} (as a batch listener and a source
   * of figures). Fails with {@link IllegalStateException} naming the artifacts when the wire libraries are missing.
   */
  public static Forwarder start(ForwardSettings settings, EmulatorState state, Clock clock) {
    return start(settings, state, clock, Backoff.DEFAULT);
  }

  static Forwarder start(ForwardSettings settings, EmulatorState state, Clock clock, Backoff backoff) {
    WireLibraries.require(settings.prometheus().isPresent(), settings.otlp().isPresent(),
        Forwarder.class.getClassLoader());
    Forwarder forwarder;
    try {
      forwarder = new Forwarder(settings, MetricDescriptions.of(state.registry()), clock, backoff);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the forwarding queue in "
          + settings.queueDirectory().map(Object::toString).orElse("memory") + ": " + e.getMessage(), e);
    }
    state.addAcceptedBatchListener(forwarder);
    state.addMetricsSource(forwarder);
    return forwarder;
  }

  private ForwardQueue queue(String name) throws IOException {
    if (settings.queueDirectory().isEmpty()) {
      return new MemoryQueue();
    }
    return new DiskQueue(settings.queueDirectory().get().resolve(name), Math.min(SEGMENT_BYTES,
        Math.max(1 << 20, settings.queueLimit() / 8)), settings.syncEachAppend());
  }

  @Override
  public void admit(List<ParsedMeasurement> batch) {
    if (settings.whenFull() != QueueFullPolicy.REFUSE_WRITES) {
      return;
    }
    for (Destination d : destinations) {
      long queued = d.queue().bytes();
      if (queued >= d.queueLimit()) {
        d.stats().refusedWrites.increment();
        throw ApiError.system(503, "Forwarding to " + d.name() + " is behind: its queue holds " + queued
                + " bytes, its limit. Retry later.")
            .withHeaders(Map.of("Retry-After", "5"));
      }
    }
  }

  @Override
  public void accepted(List<ParsedMeasurement> batch, long requestTime) {
    RecordWriter.Encoded record = writers.get().encode(batch);
    if (record == null) {
      return;
    }
    long now = clock.millis();
    for (Destination d : destinations) {
      try {
        d.queue().append(record.bytes(), record.length(), record.measurements(), now);
        if (settings.whenFull() == QueueFullPolicy.DROP_OLDEST) {
          d.stats().droppedMeasurements.add(d.queue().trimTo(d.queueLimit()));
        }
      } catch (IOException e) {
        LOG.log(Level.ERROR, "cannot write the forwarding queue of " + d.name(), e);
        throw ApiError.system(503, "Forwarding to " + d.name() + " cannot write its queue: " + e.getMessage()
            + ". The measurements were stored; sending them again stores them twice.");
      }
    }
  }

  @Override
  public void writeTo(PrometheusText out) {
    ForwardStats.declare(out);
    long now = clock.millis();
    for (Destination d : destinations) {
      d.stats().writeTo(out, d.name(), d.queue(), d.queueLimit(), now);
    }
  }

  private void syncQueues() {
    for (Destination d : destinations) {
      try {
        d.queue().sync();
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.ERROR, "cannot sync the forwarding queue of " + d.name(), e);
      }
    }
  }

  /** Stops delivering; an in-memory queue first gets a few seconds to drain while its receiver answers. */
  @Override
  public void close() {
    syncer.shutdownNow();
    long drain = settings.queueDirectory().isPresent() ? 0 : MEMORY_DRAIN_MILLIS;
    for (Destination d : destinations) {
      try {
        d.close(drain);
      } catch (IOException e) {
        LOG.log(Level.ERROR, "cannot close the forwarding queue of " + d.name(), e);
      }
    }
  }
}
