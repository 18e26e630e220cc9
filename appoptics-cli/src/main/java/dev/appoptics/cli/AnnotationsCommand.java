package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Durations;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.AnnotationEvent;
import dev.appoptics.metrics.AnnotationQuery;
import dev.appoptics.metrics.AnnotationStream;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Link;
import dev.appoptics.metrics.ListOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "annotations",
    description = "Annotation streams and their events (deploys, incidents, ...).",
    subcommands = {
      AnnotationsCommand.ListStreams.class,
      AnnotationsCommand.Get.class,
      AnnotationsCommand.Post.class,
      AnnotationsCommand.Delete.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics annotations list",
      "  appoptics annotations post deployments 'Deployed v2.4.1' --source web1",
      "  appoptics annotations get deployments --since 1d",
      "  appoptics annotations delete deployments"
    })
final class AnnotationsCommand extends Group {

  static ObjectNode json(AnnotationEvent e) {
    ObjectNode node = Json.object();
    e.id().ifPresent(id -> node.put("id", id));
    node.put("title", e.title());
    e.description().ifPresent(v -> node.put("description", v));
    e.source().ifPresent(v -> node.put("source", v));
    e.startTime().ifPresent(v -> node.put("start_time", v.getEpochSecond()));
    e.endTime().ifPresent(v -> node.put("end_time", v.getEpochSecond()));
    ArrayNode links = node.putArray("links");
    for (Link link : e.links()) {
      ObjectNode l = links.addObject().put("rel", link.rel()).put("href", link.href());
      link.label().ifPresent(v -> l.put("label", v));
    }
    return node;
  }

  @Command(name = "list", description = "List annotation streams.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics annotations list --name deploy"})
  static final class ListStreams implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only streams whose name contains TEXT.")
    String name;

    ListStreams(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      List<AnnotationStream> streams;
      try (AppOptics connection = api.connect(cli)) {
        streams = connection.listAnnotationStreams(name == null ? ListOptions.none() : ListOptions.named(name))
            .collect(Collectors.toList());
      }
      if (cli.json()) {
        ArrayNode list = Json.array();
        streams.forEach(s -> {
          ObjectNode node = list.addObject().put("name", s.name());
          s.displayName().ifPresent(d -> node.put("display_name", d));
        });
        cli.out().print(Json.pretty(list));
      } else if (streams.isEmpty()) {
        cli.out().println("no annotation streams");
      } else {
        Table table = new Table("name", "display name");
        streams.forEach(s -> table.row(s.name(), s.displayName().orElse("")));
        cli.out().print(table.render());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Show a stream's events in a time window.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics annotations get deployments --since 7d --source web1"})
  static final class Get implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "STREAM", description = "Stream name.")
    String stream;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "1d", description = "How far back (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Only events of this source (repeatable, * wildcards).")
    List<String> sources = new ArrayList<>();

    Get(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      long seconds;
      try {
        seconds = Durations.seconds(since);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage("--since " + e.getMessage(), "");
      }
      AnnotationQuery query = AnnotationQuery.since(Instant.now().minusSeconds(seconds));
      if (!sources.isEmpty()) {
        query = query.withSources(sources.toArray(String[]::new));
      }
      AnnotationStream result;
      try (AppOptics connection = api.connect(cli)) {
        result = connection.getAnnotationStream(stream, query);
      }
      if (cli.json()) {
        ObjectNode root = Json.object().put("name", result.name());
        ObjectNode bySource = root.putObject("events");
        result.events().forEach((source, events) -> {
          ArrayNode list = bySource.putArray(source);
          events.forEach(e -> list.add(json(e)));
        });
        cli.out().print(Json.pretty(root));
      } else if (result.allEvents().isEmpty()) {
        cli.out().println("no events in " + stream + " in the last " + since);
      } else {
        Table table = new Table("id", "start (UTC)", "source", "title", "links");
        for (AnnotationEvent e : result.allEvents()) {
          table.row(e.id().isPresent() ? e.id().getAsLong() : null, e.startTime().map(Instant::toString).orElse(""),
              e.source().orElse(""), e.title(), e.links().stream().map(Link::href).collect(Collectors.joining(" ")));
        }
        cli.out().print(table.render());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "post", description = "Post an event to a stream (the stream is created by its first event).",
      footerHeading = "%nExamples:%n", footer = {
        "  appoptics annotations post deployments 'Deployed v2.4.1'",
        "  appoptics annotations post incidents 'DB failover' --start 1700000000 --end 1700000600",
        "  appoptics annotations post deployments 'v2.4.1' --link release=https://example.com/r/2.4.1"})
  static final class Post implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name.")
    String stream;

    @Parameters(index = "1", paramLabel = "TITLE", description = "Event title.")
    String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "Longer description.")
    String description;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Where it happened, e.g. a host name.")
    String source;

    @Option(names = "--start", paramLabel = "EPOCH", description = "Start, epoch seconds (default: now).")
    Long start;

    @Option(names = "--end", paramLabel = "EPOCH", description = "End, epoch seconds.")
    Long end;

    @Option(names = "--link", paramLabel = "REL=URL", description = "A link, e.g. release=https://... (repeatable).")
    Map<String, String> links = new LinkedHashMap<>();

    Post(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      AnnotationEvent.Builder event = AnnotationEvent.builder(title);
      if (description != null) {
        event.description(description);
      }
      if (source != null) {
        event.source(source);
      }
      if (start != null) {
        event.startTime(Instant.ofEpochSecond(start));
      }
      if (end != null) {
        event.endTime(Instant.ofEpochSecond(end));
      }
      links.forEach((rel, href) -> event.link(Link.of(rel, href)));
      AnnotationEvent posted;
      try (AppOptics connection = api.connect(cli)) {
        posted = connection.postAnnotation(stream, event.build());
      }
      if (cli.json()) {
        cli.out().print(Json.pretty(json(posted)));
      } else {
        cli.out().println("posted event " + posted.id().orElse(0) + " \"" + posted.title() + "\" to " + stream
            + posted.startTime().map(t -> " at " + t).orElse(""));
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", description = "Delete a stream and all its events.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics annotations delete deployments"})
  static final class Delete implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "STREAM", description = "Stream name.")
    String stream;

    Delete(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (AppOptics connection = api.connect(cli)) {
        connection.deleteAnnotationStream(stream);
      }
      Done.print(cli, "deleted", "annotation stream", stream);
      return ExitCodes.OK;
    }
  }
}
