package dev.appoptics.cli;

import dev.appoptics.metrics.Alert;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "create",
    description = {
      "Create an alert. Each --condition is 'METRIC > THRESHOLD', 'METRIC < THRESHOLD' or 'METRIC absent';"
          + " the alert fires when all hold. --duration, --summary and --where apply to every condition."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics alerts create cpu.high --condition 'cpu.load > 90' --duration 300",
      "  appoptics alerts create us.slow --condition 'latency > 250' --summary max --where region=us-east",
      "  appoptics alerts create us.idle --condition 'requests < 10' --service 3 --rearm 600",
      "  appoptics alerts create heartbeat.lost --condition 'heartbeat absent' --duration 600"
    })
final class AlertCreateCommand implements Callable<Integer> {
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([-.:_\\w]{1,255})\\s*(?:([<>])\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)|\\s(absent))\\s*");

  private final Cli cli;

  @Mixin ApiOptions api;

  @Parameters(paramLabel = "NAME", description = "Alert name.")
  String name;

  @Option(names = "--condition", paramLabel = "COND", required = true, description = "'METRIC > N', 'METRIC < N' or 'METRIC absent' (repeatable).")
  List<String> conditions = new ArrayList<>();

  @Option(names = "--duration", paramLabel = "SECONDS", description = "How long a condition must hold (60-3600); default 60 for absent, else immediately.")
  Integer duration;

  @Option(names = "--summary", paramLabel = "F", description = "Summary function: average, sum, min, max, count or derivative.")
  String summary;

  @Option(names = "--where", paramLabel = "TAG=VALUE", description = "Only series with this tag value (repeatable, * wildcards).")
  Map<String, String> where = new LinkedHashMap<>();

  @Option(names = "--service", paramLabel = "ID", description = "Notify this service (repeatable; see 'appoptics services list').")
  List<Long> services = new ArrayList<>();

  @Option(names = "--description", paramLabel = "TEXT", description = "Description.")
  String description;

  @Option(names = "--rearm", paramLabel = "SECONDS", description = "Seconds before the alert may fire again.")
  Integer rearm;

  AlertCreateCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Alert.Builder alert = Alert.builder(name);
    for (String text : conditions) {
      alert.addCondition(condition(text));
    }
    services.forEach(alert::addService);
    if (description != null) {
      alert.description(description);
    }
    if (rearm != null) {
      alert.rearmSeconds(rearm);
    }
    Alert created;
    try (AppOptics connection = api.connect(cli)) {
      created = connection.createAlert(alert.build());
    }
    if (!cli.json()) {
      cli.out().println("created alert " + created.id().orElse(0) + " " + created.name());
    }
    AlertsCommand.print(cli, created);
    return ExitCodes.OK;
  }

  Condition condition(String text) {
    Matcher m = CONDITION.matcher(text);
    if (!m.matches()) {
      throw CliFailure.usage("--condition '" + text + "' is not 'METRIC > N', 'METRIC < N' or 'METRIC absent'",
          "e.g. --condition 'cpu.load > 90'");
    }
    Condition.Builder condition = Condition.forMetric(m.group(1));
    if (m.group(4) != null) {
      condition.stopsReportingFor(duration == null ? 60 : duration);
    } else {
      double threshold = Double.parseDouble(m.group(3));
      if (m.group(2).equals(">")) {
        condition.above(threshold);
      } else {
        condition.below(threshold);
      }
      if (duration != null) {
        condition.duration(duration);
      }
      if (summary != null) {
        condition.summaryFunction(summary.toLowerCase(Locale.ROOT));
      }
    }
    where.forEach((tag, value) -> condition.tag(tag, value));
    return condition.build();
  }
}
