package dev.appoptics.emulator.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@link ResourceStore#NONE}: nothing to load, nowhere to write. */
enum NoResources implements ResourceStore {
  INSTANCE;

  @Override
  public Map<String, JsonNode> load(String collection) {
    return Map.of();
  }

  @Override
  public long highestId(String collection) {
    return 0;
  }

  @Override
  public void write(Changes changes) {}
}
