package dev.appoptics.emulator.internal.resources.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.resources.Json;
import java.util.ArrayList;
import java.util.List;

/** One stored alert; mutable, guarded by the module's lock. */
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
