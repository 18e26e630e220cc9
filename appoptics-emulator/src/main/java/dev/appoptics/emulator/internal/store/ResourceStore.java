package dev.appoptics.emulator.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Where the API's resources (metrics and their attributes, spaces and charts, alerts, services, annotations, API
 * tokens, snapshots, jobs) are kept so that they outlive the process: JSON documents by collection and id. Each
 * resource area loads its collections when it is created, keeps working from memory, and writes every change
 * here before it answers. The in-memory emulator uses {@link #NONE}, which loads nothing and writes nowhere; a
 * durable emulator uses a database (in the server module).
 *
 * <pre>{@code
 * resources.load("api_tokens").forEach((id, doc) -> tokens.put(Long.parseLong(id), (ObjectNode) doc));
 * nextId = resources.highestId("api_tokens") + 1;
 * ...
 * resources.put("api_tokens", id, token);     // before answering 201
 * }</pre>
 *
 * Implementations are thread-safe; a write is done (and as durable as the store's sync policy makes it) when the
 * call returns, and a failed write throws.
 */
public interface ResourceStore {
  /** Keeps nothing: the in-memory emulator's store. */
  ResourceStore NONE = NoResources.INSTANCE;

  /** The documents of {@code collection} by id, in the order their ids were first written. */
  Map<String, JsonNode> load(String collection);

  /**
   * The greatest whole-number id ever written to {@code collection}, also when deleted since (0 when none, or since
   * {@link #deleteAll}), so that ids are not handed out twice.
   */
  long highestId(String collection);

  /** Applies the changes together: all of them or, when it throws, none. */
  void write(Changes changes);

  /** Writes one document, replacing the one with the same id. */
  default void put(String collection, Object id, JsonNode document) {
    write(new Changes().put(collection, id, document));
  }

  /** Deletes one document; nothing happens when there is none. */
  default void delete(String collection, Object id) {
    write(new Changes().delete(collection, id));
  }

  /** Deletes every document of a collection and forgets its highest id. */
  default void deleteAll(String collection) {
    write(new Changes().deleteAll(collection));
  }
}
