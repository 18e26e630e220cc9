package dev.appoptics.emulator.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads free-form JSON (a metric's attributes) into plain Java values with the types Jackson's untyped reading gives:
 * LinkedHashMap, ArrayList, String, Integer/Long/BigInteger by size, Double, Boolean and null. A repeated name keeps
 * its first position and its last value.
 */
public final class JsonValues {
  private JsonValues() {}

  /** The object whose START_OBJECT is the cursor's current token; leaves the cursor on its END_OBJECT. */
  public static Map<String, Object> readObject(JsonCursor p) {
    Map<String, Object> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      out.put(name, read(p, p.nextToken()));
    }
    return out;
  }

  private static Object read(JsonCursor p, JsonToken t) {
    switch (t) {
      case START_OBJECT:
        return readObject(p);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          list.add(read(p, e));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
