package dev.appoptics.emulator.internal.measure;

import com.fasterxml.jackson.core.JsonToken;
import dev.appoptics.emulator.internal.http.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@code POST /v1/measurements} body with a {@link JsonCursor} (streaming, no tree) and validates it as the
 * service does: every problem is collected into one 400 {@code params} error naming the field, the measurement's
 * index and the value; any problem refuses the whole payload.
 */
final class MeasurementParser {
  private static final int MAX_MESSAGES = 50;

  private final long now;
  private final long earliest;
  private final long latest;
  private final boolean lowercaseTagValues;
  private final Map<String, List<String>> errors = new LinkedHashMap<>();
  private int messages;
  private int current;

  private Map<String, String> topTags;
  private long topTime = Long.MIN_VALUE;
  private int topPeriod;

  private final TagSetCache tagSets;
  private char[] key = new char[256];
  private int keyLength;
  private String[] tagNames = new String[8];
  private int[] valueStarts = new int[8];
  private int[] valueLengths = new int[8];
  private String[] tagProblems = new String[8];
  /** Metric names already found valid in this body, by slot; names repeat as the same shared instance. */
  private final String[] validNames = new String[32];

  MeasurementParser(long now, long pastLimitSeconds, long futureLimitSeconds, boolean lowercaseTagValues) {
    this(now, pastLimitSeconds, futureLimitSeconds, lowercaseTagValues, null);
  }

  /** {@code tagSets}: validated tag sets shared between requests (built with the same {@code lowercaseTagValues}). */
  MeasurementParser(
      long now, long pastLimitSeconds, long futureLimitSeconds, boolean lowercaseTagValues, TagSetCache tagSets) {
    this.tagSets = tagSets;
    this.now = now;
    this.earliest = now - pastLimitSeconds;
    this.latest = now + futureLimitSeconds;
    this.lowercaseTagValues = lowercaseTagValues;
  }

  /** The validated measurements with their effective time and tags; an {@link ApiError} for any bad input. */
  List<ParsedMeasurement> parse(byte[] body) {
    List<ParsedMeasurement> out = null;
    JsonCursor p = new JsonCursor(body);
    try {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw ApiError.request(400, "Request body must be a JSON object with a measurements list");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "measurements":
            out = readList(p, t);
            break;
          case "tags":
            topTags = readTags(p, t, true);
            break;
          case "time":
            topTime = readTime(p, t, true);
            break;
          case "period":
            topPeriod = readPeriod(p, t, true);
            break;
          default:
            p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw ApiError.request(400, "Unexpected content after the JSON object");
      }
    } catch (JsonSyntaxException e) {
      throw ApiError.request(400, "Unable to parse request body as JSON: " + e.getMessage());
    }
    if (out == null || out.isEmpty()) {
      if (!errors.isEmpty()) {
        throw ApiError.paramsMap(errors);
      }
      throw ApiError.flat(400, "Payload must include at least 1 measurement");
    }
    resolve(out);
    if (!errors.isEmpty()) {
      throw ApiError.paramsMap(errors);
    }
    return out;
  }

  private List<ParsedMeasurement> readList(JsonCursor p, JsonToken t) {
    if (t != JsonToken.START_ARRAY) {
      error("measurements", "must be a list of measurement objects, got " + describe(p, t));
      p.skipChildren();
      return null;
    }
    List<ParsedMeasurement> out = new ArrayList<>();
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      ParsedMeasurement m = new ParsedMeasurement();
      current = out.size();
      if (t != JsonToken.START_OBJECT) {
        error("measurements", at() + " must be an object, got " + describe(p, t));
        p.skipChildren();
      } else {
        readMeasurement(p, m);
      }
      out.add(m);
    }
    return out;
  }

  private void readMeasurement(JsonCursor p, ParsedMeasurement m) {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "name":
          if (t == JsonToken.VALUE_STRING) {
            m.name = p.getSharedText();
          } else {
            error("name", at() + ".name must be a string, got " + describe(p, t));
            p.skipChildren();
          }
          break;
        case "value":
          m.hasValue = true;
          m.value = readNumber(p, t, "value");
          break;
        case "sum":
          m.hasSum = true;
          m.sum = readNumber(p, t, "sum");
          break;
        case "count":
          m.hasCount = true;
          double c = readNumber(p, t, "count");
          if (c < 0 || c != Math.rint(c)) {
            error("count", at() + ".count must be a whole number of at least 0, got " + c);
          }
          m.count = (long) c;
          break;
        case "min":
          m.min = readNumber(p, t, "min");
          break;
        case "max":
          m.max = readNumber(p, t, "max");
          break;
        case "last":
          m.last = readNumber(p, t, "last");
          break;
        case "stddev":
          m.stddev = readNumber(p, t, "stddev");
          break;
        case "time":
          m.time = readTime(p, t, false);
          break;
        case "period":
          m.period = readPeriod(p, t, false);
          break;
        case "tags":
          m.tags = readTags(p, t, false);
          break;
        case "attributes":
          if (t == JsonToken.START_OBJECT) {
            m.attributes = JsonValues.readObject(p);
          } else if (t != JsonToken.VALUE_NULL) {
            error("attributes", at() + ".attributes must be an object, got " + describe(p, t));
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private double readNumber(JsonCursor p, JsonToken t, String field) {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      error(field, at() + "." + field + " must be a number, got " + describe(p, t));
      p.skipChildren();
      return 0;
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v) || Math.abs(v) >= 1e127) {
      error(field, at() + "." + field + " " + p.getText() + " is out of range (base-10 exponent above 126)");
      return 0;
    }
    if (v != 0 && Math.abs(v) < 1e-130) {
      return 0.0;
    }
    return v;
  }

  private long readTime(JsonCursor p, JsonToken t, boolean top) {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      error("time", (top ? "time" : at() + ".time") + " must be epoch seconds as a number, got " + describe(p, t));
      p.skipChildren();
      return now;
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
      error("time", (top ? "time" : at() + ".time") + " " + p.getText() + " is not a valid epoch time in seconds");
      return now;
    }
    return (long) Math.floor(v);
  }

  private int readPeriod(JsonCursor p, JsonToken t, boolean top) {
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      error("period", (top ? "period" : at() + ".period") + " must be a number of seconds, got " + describe(p, t));
      p.skipChildren();
      return 0;
    }
    double v = p.getDoubleValue();
    if (v < 1 || v > 86_400 * 7 || v != Math.rint(v)) {
      error("period", (top ? "period" : at() + ".period") + " must be a whole number of seconds between 1 and 604800, got " + p.getText());
      return 0;
    }
    return (int) v;
  }

  private Map<String, String> readTags(JsonCursor p, JsonToken t, boolean top) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      error("tags", (top ? "tags" : at() + ".tags") + " must be an object of tag names to values, got " + describe(p, t));
      p.skipChildren();
      return Map.of();
    }
    // A tag object whose bytes were seen before in a valid one is that tag set again: skip reading it.
    int open = p.position() - 1;
    if (tagSets != null) {
      int close = p.nextCloseBrace();
      Map<String, String> known = close < 0 ? null : tagSets.getRaw(p.input(), open, close + 1 - open);
      if (known != null) {
        p.skipKnownObject(close);
        return known;
      }
    }
    // Collect the raw pairs first: a tag set seen before is then one cache lookup instead of validation, lower-casing
    // and a new sorted map. A pair whose value is not a scalar keeps its message, reported in order below.
    // The values go straight from the parser's buffer into the key: no String per value unless the set is new.
    int n = 0;
    boolean cacheable = tagSets != null;
    keyLength = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken vt = p.nextToken();
      if (n == tagNames.length) {
        tagNames = java.util.Arrays.copyOf(tagNames, n * 2);
        valueStarts = java.util.Arrays.copyOf(valueStarts, n * 2);
        valueLengths = java.util.Arrays.copyOf(valueLengths, n * 2);
        tagProblems = java.util.Arrays.copyOf(tagProblems, n * 2);
      }
      tagNames[n] = name;
      if (vt == JsonToken.VALUE_STRING || vt.isNumeric() || vt.isBoolean()) {
        int length = p.textLength();
        // Length-prefixed parts keep the key unambiguous; parts too long to be valid are never cached.
        cacheable &= name.length() <= TagSetCache.MAX_PART && length <= TagSetCache.MAX_PART;
        appendKey(name, p, length);
        valueStarts[n] = keyLength - length;
        valueLengths[n] = length;
        tagProblems[n] = null;
      } else {
        tagProblems[n] = (top ? "tags" : at() + ".tags") + "." + name + " must be a string, got " + describe(p, vt);
        p.skipChildren();
        cacheable = false;
      }
      n++;
    }
    int hash = cacheable ? TagSetCache.hash(key, keyLength) : 0;
    if (cacheable) {
      Map<String, String> cached = tagSets.get(key, keyLength, hash);
      if (cached != null) {
        tagSets.putRaw(p.input(), open, p.position() - open, cached);
        return cached;
      }
    }
    int before = messages;
    TreeMap<String, String> tags = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String name = tagNames[i];
      if (tagProblems[i] != null) {
        error("tags", tagProblems[i]);
        continue;
      }
      String value = new String(key, valueStarts[i], valueLengths[i]);
      if (!NameRules.validTagName(name)) {
        error("tags", (top ? "tags" : at() + ".tags") + ": '" + name + "' is not a valid tag name (1-64 of A-Za-z0-9 . : - _)");
        continue;
      }
      if (!NameRules.validTagValue(value)) {
        error(
            "tags",
            (top ? "tags" : at() + ".tags") + "." + name + ": '" + value + "' is not a valid tag value (1-255 of A-Za-z0-9 . : - _ ? \\ / space)");
        continue;
      }
      tags.put(
          name.toLowerCase(Locale.ROOT), lowercaseTagValues ? value.toLowerCase(Locale.ROOT) : value);
    }
    Map<String, String> result = new TagMap(tags);
    if (cacheable && messages == before) {
      tagSets.put(key, keyLength, hash, result);
      tagSets.putRaw(p.input(), open, p.position() - open, result);
    }
    return result;
  }

  /** Appends one pair to the cache key: name length, name, value length, value. */
  private void appendKey(String name, JsonCursor value, int length) {
    int needed = keyLength + name.length() + length + 2;
    if (needed > key.length) {
      key = java.util.Arrays.copyOf(key, Math.max(needed, key.length * 2));
    }
    key[keyLength++] = (char) name.length();
    name.getChars(0, name.length(), key, keyLength);
    keyLength += name.length();
    key[keyLength++] = (char) length;
    value.copyText(key, keyLength);
    keyLength += length;
  }

  /** Applies the payload's defaults and checks what needs the whole measurement. */
  private void resolve(List<ParsedMeasurement> list) {
    for (int i = 0; i < list.size(); i++) {
      ParsedMeasurement m = list.get(i);
      current = i;
      if (m.name == null) {
        error("name", at() + ".name is not present");
        continue;
      }
      if (!validMetricName(m.name)) {
        error("name", m.name + " is not a valid metric name");
      }
      if (m.tags == null) {
        m.tags = topTags;
      }
      if (m.tags == null || m.tags.isEmpty()) {
        error("tags", named(m) + " must have at least 1 tag (its own or the payload's)");
      } else if (m.tags.size() > NameRules.MAX_TAGS) {
        error("tags", named(m) + " has " + m.tags.size() + " tags; at most " + NameRules.MAX_TAGS + " are allowed");
      }
      if (m.time == Long.MIN_VALUE) {
        m.time = topTime == Long.MIN_VALUE ? now : topTime;
      }
      if (m.time < earliest) {
        error("time", "is too far in the past: " + named(m) + " time " + m.time + " is before " + earliest);
      } else if (m.time > latest) {
        error("time", "is too far in the future: " + named(m) + " time " + m.time + " is after " + latest);
      }
      if (m.period == 0) {
        m.period = topPeriod;
      }
      summarize(m);
    }
  }

  private boolean validMetricName(String name) {
    int slot = name.hashCode() & (validNames.length - 1);
    if (validNames[slot] == name) {
      return true;
    }
    if (!NameRules.validMetricName(name)) {
      return false;
    }
    validNames[slot] = name;
    return true;
  }

  private void summarize(ParsedMeasurement m) {
    if (m.hasValue) {
      if (m.hasCount || m.hasSum) {
        error("value", named(m) + ": value must not be set together with sum/count");
        return;
      }
      m.count = 1;
      m.sum = m.value;
      m.min = m.value;
      m.max = m.value;
      m.last = m.value;
      m.squares = m.value * m.value;
      return;
    }
    if (!m.hasSum && !m.hasCount) {
      error("value", named(m) + ": value, or sum and count, is required");
      return;
    }
    if (m.hasCount != m.hasSum) {
      error(m.hasCount ? "sum" : "count", named(m) + ": sum and count must be given together");
      return;
    }
    if (m.count == 0) {
      return;
    }
    double mean = m.sum / m.count;
    m.min = Double.isNaN(m.min) ? mean : m.min;
    m.max = Double.isNaN(m.max) ? mean : m.max;
    m.last = Double.isNaN(m.last) ? mean : m.last;
    double sd = Double.isNaN(m.stddev) ? 0 : m.stddev;
    m.squares = m.count * (sd * sd + mean * mean);
  }

  private static String describe(JsonCursor p, JsonToken t) {
    switch (t) {
      case VALUE_STRING:
        return "string \"" + p.getText() + "\"";
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "a list";
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "boolean " + p.getText();
      default:
        return p.getText();
    }
  }

  /** Where the measurement being read sits, for messages; built only when there is an error to report. */
  private String at() {
    return "measurements[" + current + "]";
  }

  private String named(ParsedMeasurement m) {
    return at() + " (" + m.name + ")";
  }

  private void error(String field, String message) {
    if (messages++ < MAX_MESSAGES) {
      errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }
  }
}
