package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.stream.Stream;

/** Metric metadata: list, get, create, update, delete. */
final class Metrics {
  private final AppOptics connection;
  private final Rest rest;

  Metrics(AppOptics connection, Rest rest) {
    this.connection = connection;
    this.rest = rest;
  }

  Page<Metric> list(ListOptions options) {
    return Pages.page(rest, "metrics", Check.notNull("options", options).toQuery(), "metrics", Metric::fromJson);
  }

  Stream<Metric> listAll(ListOptions options) {
    return Pages.stream(rest, "metrics", Check.notNull("options", options).toQuery(), "metrics", Metric::fromJson);
  }

  Metric get(String name) {
    return Metric.fromJson(rest.get(Rest.path("metrics", connection.wireName(name)), Query.create()));
  }

  /** PUT creates the metric (201 with the metric) or, when it exists, updates it (204, then we read it back). */
  Metric create(Metric metric) {
    String name = connection.wireName(Check.notNull("metric", metric).name());
    JsonNode answer = rest.put(Rest.path("metrics", name), metric.toJson(name, true));
    return answer.isObject() && answer.has("name") ? Metric.fromJson(answer) : get(name);
  }

  void update(Metric changes) {
    String name = connection.wireName(Check.notNull("metric", changes).name());
    rest.put(Rest.path("metrics", name), changes.toJson(name, changes.hasType()));
  }

  void delete(String name) {
    rest.delete(Rest.path("metrics", connection.wireName(name)), null);
  }

  /** One request for all names. */
  void delete(Collection<String> names) {
    if (Check.notNull("names", names).isEmpty()) {
      throw new InvalidInputException("names", "[]", "at least one metric name is needed");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode array = body.putArray("names");
    names.forEach(n -> array.add(connection.wireName(n)));
    rest.delete("metrics", body);
  }
}
