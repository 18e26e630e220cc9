package dev.appoptics.emulator.internal.resources.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.resources.Listing;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The event filters of a stream read: {@code start_time}/{@code end_time} window on the event's start,
 * {@code count} (the last N), {@code sources[]} with {@code *} wildcards. Events without a source count as
 * {@code unassigned}, for grouping and for source patterns alike.
 */
record EventQuery(
    Optional<Long> startTime, Optional<Long> endTime, Optional<Long> count, List<Pattern> sources) {
  static final String UNASSIGNED = "unassigned";

  static EventQuery of(ApiRequest request) {
    Optional<Long> start = request.queryLong("start_time");
    Optional<Long> end = request.queryLong("end_time");
    Optional<Long> count = request.queryLong("count");
    if (count.isPresent() && count.get() < 1) {
      throw ApiError.params("count", "must be at least 1, was " + count.get());
    }
    if (start.isPresent() && end.isPresent() && end.get() < start.get()) {
      throw ApiError.params("end_time", "must not be before start_time, was " + end.get());
    }
    List<Pattern> sources = request.queryAll("sources").stream().map(Listing::wildcard).toList();
    return new EventQuery(start, end, count, sources);
  }

  /** Whether the request asked for events at all; a bare read shows only the stream's names. */
  boolean asked() {
    return startTime.isPresent() || endTime.isPresent() || count.isPresent() || !sources.isEmpty();
  }

  /** The matching events, ordered by start time and grouped by source: {@code {source:[…], …}}. */
  ObjectNode select(Collection<ObjectNode> events) {
    List<ObjectNode> matching =
        events.stream()
            .filter(e -> startTime.map(s -> start(e) >= s).orElse(true))
            .filter(e -> endTime.map(t -> start(e) <= t).orElse(true))
            .filter(e -> sources.isEmpty() || sources.stream().anyMatch(p -> p.matcher(source(e)).matches()))
            .sorted(Comparator.comparingLong(EventQuery::start).thenComparingLong(e -> e.get("id").asLong()))
            .toList();
    if (count.isPresent() && matching.size() > count.get()) {
      matching = matching.subList(matching.size() - count.get().intValue(), matching.size());
    }
    ObjectNode groups = Json.object();
    for (ObjectNode e : matching) {
      ArrayNode group = groups.has(source(e)) ? (ArrayNode) groups.get(source(e)) : groups.putArray(source(e));
      group.add(e);
    }
    return groups;
  }

  private static long start(JsonNode event) {
    return event.get("start_time").asLong();
  }

  private static String source(JsonNode event) {
    JsonNode s = event.get("source");
    return s == null || s.isNull() ? UNASSIGNED : s.asText();
  }
}
