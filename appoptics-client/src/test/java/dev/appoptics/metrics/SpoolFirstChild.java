package dev.appoptics.metrics;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process {@link ReporterKillTest} kills: a spool-first reporter adding measurement {@code i} at time
 * {@code first + i}, for ever, printing {@code i} once {@code add} returned for it.
 *
 * <pre>java … SpoolFirstChild BASE_URI SPOOL_DIR BATCH_SIZE FIRST_TIME</pre>
 */
final class SpoolFirstChild {
  static final String METRIC = "kill.test";

  private SpoolFirstChild() {}

  public static void main(String[] args) throws InterruptedException {
    AppOptics api = AppOptics.builder().token(ReliabilityFixture.TOKEN).baseUri(URI.create(args[0]))
        .retryPolicy(ReliabilityFixture.FAST).build();
    Reporter reporter = Reporter.builder(api).batchSize(Integer.parseInt(args[2])).maxInFlight(2)
        .flushInterval(Duration.ofMinutes(1)).spool(Path.of(args[1])).spoolFirst(true).build();
    long first = Long.parseLong(args[3]);
    for (int i = 0; ; i++) {
      reporter.add(Measurement.builder(METRIC).value(1).tag("run", "child").time(first + i).build());
      System.out.println(i);
      if (i % 10 == 9) {
        Thread.sleep(1); // about 10,000 a second: the test kills it within a second or two
      }
    }
  }
}
