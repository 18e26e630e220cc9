package dev.appoptics.cli;

import dev.appoptics.cli.internal.InputLine;
import dev.appoptics.cli.internal.InputLineException;
import dev.appoptics.cli.internal.InputLineParser;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.AppOpticsException;
import dev.appoptics.metrics.InvalidInputException;
import dev.appoptics.metrics.Measurement;
import dev.appoptics.metrics.Queue;
import dev.appoptics.metrics.QueueOptions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code appoptics submit -}: reads measurement lines from standard input and submits them through a queue in
 * batches. Lines that cannot be read or that the library refuses are reported with their numbers on standard error
 * and skipped; the rest are still submitted. Progress goes to standard error every {@value #PROGRESS_EVERY} lines.
 */
final class StdinSubmission {
  static final int PROGRESS_EVERY = 10_000;

  private final Cli cli;
  private final AppOptics connection;
  private final Map<String, String> tags;
  private final int batch;
  private final InputLineParser parser = new InputLineParser();
  private final List<InputLineException> rejected = new ArrayList<>();

  StdinSubmission(Cli cli, AppOptics connection, Map<String, String> tags, int batch) {
    if (batch < 1) {
      throw CliFailure.usage("--batch must be at least 1, was " + batch, "");
    }
    this.cli = cli;
    this.connection = connection;
    this.tags = tags;
    this.batch = batch;
  }

  int run() {
    int lines = 0;
    int submitted = 0;
    QueueOptions options = QueueOptions.builder().tags(tags).autoSubmitCount(batch).build();
    Queue queue = connection.newQueue(options);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8))) {
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        lines++;
        Optional<InputLine> line = read(lines, text);
        if (line.isPresent() && add(queue, line.get())) {
          submitted++;
        }
        if (lines % PROGRESS_EVERY == 0) {
          cli.err().println("... " + lines + " lines read, " + submitted + " measurements queued or sent");
          cli.err().flush();
        }
      }
      queue.submit();
    } catch (IOException e) {
      throw new UncheckedIOException("reading standard input failed at line " + (lines + 1), e);
    } catch (AppOpticsException e) {
      int unsent = queue.size();
      Failure failure = Failure.of(e);
      throw new CliFailure(
          ExitCodes.FAILURE,
          failure.message() + " (read " + lines + " lines; " + (submitted - unsent) + " measurements sent)",
          failure.hint(),
          e);
    }
    report(lines, submitted);
    return rejected.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL_INPUT;
  }

  private Optional<InputLine> read(int number, String text) {
    try {
      return parser.parse(number, text);
    } catch (InputLineException e) {
      reject(e);
      return Optional.empty();
    }
  }

  /** Queues the line; false when the library refuses it (reported with the line number). */
  private boolean add(Queue queue, InputLine line) {
    Measurement measurement;
    try {
      Measurement.Builder builder =
          Measurement.builder(line.name()).value(line.value()).tags(line.tags()).inheritTags(true);
      line.time().ifPresent(builder::time);
      measurement = builder.build();
      queue.add(measurement);
      return true;
    } catch (InvalidInputException e) {
      reject(new InputLineException(line.lineNumber(), e.errorMessage()));
      return false;
    }
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void reject(InputLineException e) {
    rejected.add(e);
    cli.err().println("rejected " + e.getMessage());
    cli.err().flush();
  }

  private void report(int lines, int submitted) {
    if (cli.json()) {
      ObjectNode json = Json.object().put("lines", lines).put("submitted", submitted);
      ArrayNode bad = json.putArray("rejected");
      rejected.forEach(e -> bad.addObject().put("line", e.lineNumber()).put("error", e.reason()));
      cli.out().print(Json.pretty(json));
    } else {
      cli.out().println("submitted " + count(submitted, "measurement") + " from " + count(lines, "line")
          + (rejected.isEmpty() ? "" : " (" + rejected.size() + " rejected)"));
    }
    cli.out().flush();
    if (!rejected.isEmpty()) {
      cli.err().println("error: " + rejected.size() + " of " + lines + " lines rejected (listed above); the other "
          + count(submitted, "measurement") + (submitted == 1 ? " was" : " were") + " submitted");
      cli.err().flush();
    }
  }
}
