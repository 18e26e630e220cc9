package dev.appoptics.metrics;

import static dev.appoptics.metrics.ResourceJson.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON for API tokens. They carry no {@code id} field: the id is the last segment of {@code href}. */
final class ApiTokenCodec {
  private ApiTokenCodec() {}

  /** What a create or an update sends: name (when known), role, active; the secret is the service's to make. */
  static ObjectNode toJson(ApiToken token) {
    ObjectNode o = ResourceJson.object();
    token.name().ifPresent(n -> o.put("name", n));
    o.put("role", token.role().wireName());
    o.put("active", token.isActive());
    return o;
  }

  static ApiToken token(JsonNode node) {
    long id = ResourceJson.resourceId(node);
    ApiToken.Builder b = ApiToken.Builder.stored(id, TokenRole.fromWire(ResourceJson.requiredText(node, "role")));
    ResourceJson.text(node, "name").ifPresent(b::name);
    ResourceJson.bool(node, "active").ifPresent(b::active);
    ResourceJson.text(node, "token").ifPresent(b::token);
    timestamp(node, "created_at").ifPresent(b::createdAt);
    timestamp(node, "updated_at").ifPresent(b::updatedAt);
    return b.build();
  }
}
