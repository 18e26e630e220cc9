package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.metrics.internal.transport.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Measurement submit and query; measurement-level tag resolution and validation live here too. */
final class Measurements {
  /** Measurements per POST, as the Python library sends them. */
  static final int CHUNK_SIZE = 300;

  private final AppOptics connection;
  private final Rest rest;

  Measurements(AppOptics connection, Rest rest) {
    this.connection = connection;
    this.rest = rest;
  }

  /**
   * The measurement as it goes on the wire: sanitized, checked name; tags resolved (measurement over
   * {@code queueTags} over connection tags) and checked.
   */
  Measurement resolve(Measurement m, Map<String, String> queueTags) {
    String name = Validated.metricName(connection.sanitize(m.name()));
    Map<String, String> tags = Tags.resolve(m.tags(), m.inheritTags(), connection.getTags(), queueTags);
    return m.resolved(name, Validated.tags(tags));
  }

  /**
   * {@code resolve(Measurement.of(name, value, tags), queueTags)} without the intermediate copies: when explicit tags
   * are given they are the only tags, so they are validated (memoized) and shared as they are.
   */
  Measurement resolveValue(String name, double value, Map<String, String> tags, Map<String, String> queueTags) {
    Check.notNull("name", name);
    if (Check.notNull("tags", tags).isEmpty()) {
      return resolve(Measurement.of(name, value, tags), queueTags);
    }
    String wireName = Validated.metricName(connection.sanitize(name));
    return Measurement.resolvedValue(wireName, value, Validated.tags(tags));
  }

  /** Resolves all, then sends them in chunks of {@link #CHUNK_SIZE}, in order. */
  void submit(List<Measurement> measurements) {
    List<Measurement> resolved = new ArrayList<>(measurements.size());
    for (Measurement m : measurements) {
      resolved.add(resolve(Check.notNull("measurement", m), Map.of()));
    }
    if (resolved.isEmpty()) {
      throw new InvalidInputException("measurements", "[]", "at least one measurement is needed");
    }
    for (int from = 0; from < resolved.size(); from += CHUNK_SIZE) {
      post(resolved.subList(from, Math.min(resolved.size(), from + CHUNK_SIZE)));
    }
  }

  /** One POST of already resolved measurements. */
  void post(List<Measurement> resolved) {
    checkAccepted(rest.send("POST", "measurements", null, MeasurementJson.encode(resolved)));
  }

  /**
   * Throws {@link PartialFailureException} when a 2xx answer to a measurement POST reports refused measurements: the
   * service may accept a payload yet refuse some of it. Every measurement POST, synchronous or from a reporter, goes
   * through this check.
   */
  HttpResponse checkAccepted(HttpResponse response) {
    JsonNode answer = rest.json(response);
    JsonNode errors = answer.path("errors");
    long failed = answer.path("measurements").path("summary").path("failed").asLong(0);
    if ((errors.isArray() && !errors.isEmpty()) || (errors.isObject() && !errors.isEmpty()) || failed > 0) {
      List<String> messages = errors.isEmpty() ? List.of(failed + " measurements were refused") : Rest.errorsOf(response);
      throw new PartialFailureException(
          response.status(), rest.shownPath("measurements"), messages,
          new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return response;
  }

  MeasurementResult get(String name, MeasurementQuery query) {
    String wireName = connection.wireName(name);
    Check.notNull("query", query);
    MeasurementResult result =
        MeasurementResult.fromJson(rest.get(Rest.path("measurements", wireName), query.toQuery()), wireName);
    if (!query.followPages()) {
      return result;
    }
    Set<String> followed = new HashSet<>();
    for (int pages = 1; result.next().isPresent(); pages++) {
      if (pages == query.maxPages()) {
        throw new IncompleteResultException(rest.shownPath(Rest.path("measurements", wireName)), pages, result);
      }
      if (!followed.add(result.next().get())) {
        throw new PagingException(rest.shownPath(Rest.path("measurements", wireName)), "page " + pages
            + " links to a page already read (" + result.next().get() + "); the paging would not advance");
      }
      result = result.append(nextPage(result));
    }
    return result;
  }

  /** The page after {@code page}; its link is followed only on the connection's own host. */
  MeasurementResult nextPage(MeasurementResult page) {
    String href = page.next().orElseThrow(
        () -> new InvalidInputException("next", "none", "this result is the last page"));
    return MeasurementResult.fromJson(rest.getLink(href), page.name());
  }
}
