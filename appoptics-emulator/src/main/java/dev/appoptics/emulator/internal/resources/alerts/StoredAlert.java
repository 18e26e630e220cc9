package dev.appoptics.emulator.internal.resources.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.resources.Json;
import java.util.ArrayList;
import java.util.List;

/** One stored alert; mutable, guarded by the module's lock, changed on a {@link #copy()} that then replaces it. */
final class StoredAlert {
  final long id;
  final long createdAt;
  long updatedAt;
  ObjectNode fields = Json.object();
  List<Long> serviceIds = new ArrayList<>();

  StoredAlert(long id, long createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  StoredAlert copy() {
    return of(document());
  }

  /** The alert as the resource store keeps it. */
  ObjectNode document() {
    ObjectNode doc = Json.object().put("id", id).put("created_at", createdAt).put("updated_at", updatedAt);
    doc.set("fields", fields.deepCopy());
    ArrayNode services = doc.putArray("service_ids");
    serviceIds.forEach(services::add);
    return doc;
  }

  /** The alert {@link #document()} wrote. */
  static StoredAlert of(JsonNode doc) {
    StoredAlert alert = new StoredAlert(doc.get("id").asLong(), doc.get("created_at").asLong());
    alert.updatedAt = doc.get("updated_at").asLong();
    alert.fields = (ObjectNode) doc.get("fields").deepCopy();
    doc.get("service_ids").forEach(s -> alert.serviceIds.add(s.asLong()));
    return alert;
  }

  String name() {
    return fields.path("name").asText();
  }

  long updatedAt() {
    return updatedAt;
  }

  List<Long> conditionIds() {
    List<Long> ids = new ArrayList<>();
    fields.path("conditions").forEach(c -> ids.add(c.path("id").asLong()));
    return ids;
  }
}
