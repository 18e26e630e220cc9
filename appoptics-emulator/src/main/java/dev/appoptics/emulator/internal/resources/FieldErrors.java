package dev.appoptics.emulator.internal.resources;

import dev.appoptics.emulator.internal.http.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects validation messages per field and turns them into the API's 400
 * {@code {"errors":{"params":{field:[messages]}}}} answer. Nested groups (alert conditions, chart streams) produce
 * {@code {"params":{"conditions":{"duration":[…]}}}}.
 */
public final class FieldErrors {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  public FieldErrors add(String field, String message) {
    @SuppressWarnings("unchecked")
    List<String> messages = (List<String>) fields.computeIfAbsent(field, k -> new ArrayList<String>());
    if (!messages.contains(message)) {
      messages.add(message);
    }
    return this;
  }

  /** The group for a nested field; its messages appear under that field's name. */
  public FieldErrors nested(String field) {
    Object existing = fields.get(field);
    if (existing instanceof NestedGroup group) {
      return group.errors;
    }
    FieldErrors inner = new FieldErrors();
    fields.put(field, new NestedGroup(inner));
    return inner;
  }

  public boolean isEmpty() {
    return fields.values().stream()
        .allMatch(v -> v instanceof NestedGroup g && g.errors.isEmpty());
  }

  /** Throws the 400 answer when any message was collected. */
  public void throwIfAny() {
    if (!isEmpty()) {
      throw ApiError.paramsMap(asMap());
    }
  }

  Map<String, Object> asMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getValue() instanceof NestedGroup group) {
        if (!group.errors.isEmpty()) {
          out.put(e.getKey(), group.errors.asMap());
        }
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private record NestedGroup(FieldErrors errors) {}
}
