package dev.appoptics.emulator.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Document changes that a {@link ResourceStore} applies together, in order. Not thread-safe; build one per write.
 *
 * <pre>{@code
 * resources.write(new Changes().delete("spaces", id).delete("charts", chartId));
 * }</pre>
 */
public final class Changes {
  /**
   * One change: {@code document} present puts it under {@code id}; empty deletes {@code id}, or the whole
   * collection when {@code id} is empty too.
   */
  public record Change(String collection, Optional<String> id, Optional<JsonNode> document) {}

  private final List<Change> list = new ArrayList<>();

  /** Writes {@code document} under {@code id} (its text form), replacing what was there. */
  public Changes put(String collection, Object id, JsonNode document) {
    list.add(new Change(collection, Optional.of(id.toString()), Optional.of(Objects.requireNonNull(document))));
    return this;
  }

  public Changes delete(String collection, Object id) {
    list.add(new Change(collection, Optional.of(id.toString()), Optional.empty()));
    return this;
  }

  /** Deletes every document of {@code collection} and forgets its highest id. */
  public Changes deleteAll(String collection) {
    list.add(new Change(collection, Optional.empty(), Optional.empty()));
    return this;
  }

  public List<Change> list() {
    return List.copyOf(list);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }
}
