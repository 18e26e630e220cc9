package dev.appoptics.cli;

import java.nio.file.Path;

/** Forwarding to VictoriaMetrics 1.79, the second remote-write receiver (it accepts samples in any order). */
class VictoriaMetricsForwardingTest extends ForwardingRoundTrip {
  @Override
  Receiver startReceiver(Path dir) throws Exception {
    return Receiver.victoriaMetrics(dir);
  }
}
