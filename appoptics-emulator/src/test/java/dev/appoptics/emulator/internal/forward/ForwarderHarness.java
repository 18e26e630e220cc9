package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.EmulatorState;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forwarder fed directly with accepted batches, as MeasurementsModule feeds it, with a short back-off so that
 * retry tests take milliseconds; its figures are read the way {@code GET /metrics} renders them.
 */
final class ForwarderHarness implements AutoCloseable {
  static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));

  final EmulatorState state = new EmulatorState(EmulatorSettings.builder().build());
  final Forwarder forwarder;

  ForwarderHarness(ForwardSettings settings) {
    this.forwarder = Forwarder.start(settings, state, Clock.systemUTC(), FAST);
  }

  static ForwarderHarness prometheus(URI uri) {
    return new ForwarderHarness(ForwardSettings.NONE.withPrometheus(uri));
  }

  static ForwarderHarness otlp(URI uri) {
    return new ForwarderHarness(ForwardSettings.NONE.withOtlp(uri));
  }

  /** Admits and accepts one batch, as a 2xx measurement payload does. */
  void accept(ParsedMeasurement... batch) {
    List<ParsedMeasurement> list = List.of(batch);
    state.admitBatch(list);
    state.batchAccepted(list, 0);
  }

  /** The value of {@code appoptics_forward_<name>{destination="<destination>"}}. */
  double figure(String name, String destination) {
    Matcher m = Pattern.compile("(?m)^appoptics_forward_" + name + "\\{destination=\"" + destination + "\"} (\\S+)$")
        .matcher(state.writeMetrics());
    if (!m.find()) {
      throw new AssertionError("no figure " + name + " in\n" + state.writeMetrics());
    }
    return Double.parseDouble(m.group(1));
  }

  @Override
  public void close() {
    forwarder.close();
  }
}
