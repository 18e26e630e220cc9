package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.stream.Stream;

/** The alerts and services areas. */
final class Alerts {
  private static final String ROOT = "alerts";

  private final Rest rest;

  Alerts(Rest rest) {
    this.rest = rest;
  }

  Stream<Alert> list(ListOptions options) {
    return Pages.stream(rest, ROOT, options.toQuery(), "alerts", AlertCodec::alert);
  }

  Optional<Alert> get(long id) {
    try {
      return Optional.of(AlertCodec.alert(rest.get(Rest.path(ROOT, id), Query.create())));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The alert named exactly {@code name} (case-insensitively if no exact match), read by id so that its conditions
   * and services are complete. The API's name parameter is a substring search.
   */
  Optional<Alert> getByName(String name) {
    ResourceChecks.requireText("name", name);
    Optional<Alert> exact;
    Optional<Alert> ignoringCase;
    try (Stream<Alert> candidates = list(ListOptions.named(name))) {
      java.util.List<Alert> all = candidates.toList();
      exact = all.stream().filter(a -> a.name().equals(name)).findFirst();
      ignoringCase = all.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }
    return exact.or(() -> ignoringCase).flatMap(a -> get(a.id().getAsLong()));
  }

  /** Creates the alert, then reads it back: the create answer lacks conditions and services. */
  Alert create(Alert alert) {
    Check.notNull("alert", alert);
    JsonNode answer = rest.post(ROOT, AlertCodec.toJson(alert));
    long id = ResourceJson.requiredLong(answer, "id");
    return get(id).orElseGet(() -> AlertCodec.alert(answer));
  }

  /** Replaces the stored alert (conditions, services and attributes included), then reads it back. */
  Alert update(Alert alert) {
    Check.notNull("alert", alert);
    long id =
        alert.id().orElseThrow(() -> ResourceChecks.invalid("id", null, "is missing: create the alert first"));
    rest.put(Rest.path(ROOT, id), AlertCodec.toJson(alert));
    return get(id).orElse(alert);
  }

  void delete(long id) {
    rest.delete(Rest.path(ROOT, id), null);
  }

  boolean deleteByName(String name) {
    Optional<Alert> alert = getByName(name);
    alert.ifPresent(a -> delete(a.id().getAsLong()));
    return alert.isPresent();
  }

  Stream<Service> listServices(ListOptions options) {
    return Pages.stream(rest, "services", options.toQuery(), "services", AlertCodec::service);
  }
}
