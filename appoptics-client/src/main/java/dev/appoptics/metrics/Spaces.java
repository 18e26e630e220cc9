package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The spaces area. */
final class Spaces {
  private static final String ROOT = "spaces";

  private final Rest rest;

  Spaces(Rest rest) {
    this.rest = rest;
  }

  Stream<Space> list(ListOptions options) {
    return Pages.stream(rest, ROOT, options.toQuery(), "spaces", ChartCodec::space);
  }

  Space get(long id) {
    return ChartCodec.space(rest.get(Rest.path(ROOT, id), Query.create()));
  }

  /** The space named exactly {@code name}, ignoring case, read in full (with its chart ids). */
  Optional<Space> find(String name) {
    ResourceChecks.requireText("name", name);
    String wanted = name.toLowerCase(Locale.ROOT);
    Optional<Space> hit;
    try (Stream<Space> candidates = list(ListOptions.named(name))) {
      hit = candidates.filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
    return hit.map(s -> get(s.id()));
  }

  Space create(String name) {
    ObjectNode body = ResourceJson.object();
    body.put("name", ResourceChecks.requireText("name", name));
    return ChartCodec.space(rest.post(ROOT, body));
  }

  void update(Space space) {
    Check.notNull("space", space);
    ObjectNode body = ResourceJson.object();
    body.put("name", space.name());
    rest.put(Rest.path(ROOT, space.id()), body);
  }

  void delete(long id) {
    rest.delete(Rest.path(ROOT, id), null);
  }
}
