package dev.appoptics.emulator.internal.measure;

import com.fasterxml.jackson.core.JsonToken;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.json.JsonCursor;
import dev.appoptics.emulator.internal.json.JsonSyntaxException;
import dev.appoptics.emulator.internal.json.JsonValues;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code POST /v1/measurements} body with a {@link JsonCursor} (streaming, no tree) and validates it as the
 * service does: every problem is collected into one 400 {@code params} error naming the field, the measurement's
 * index and the value; any problem refuses the whole payload.
 */
final class MeasurementParser {
  /** The largest {@code count} of one summary: 2^31 - 1. */
  static final long MAX_COUNT = Integer.MAX_VALUE;

  private final long now;
  private final long earliest;
  private final long latest;
  private final ParamErrors errors = new ParamErrors();

  private Map<String, String> topTags;
  private long topTime = Long.MIN_VALUE;
  private int topPeriod;

  private final TagObjectReader tags;
  /** Metric names already found valid in this body, by slot; names repeat as the same shared instance. */
  private final String[] validNames = new String[32];

  MeasurementParser(long now, long pastLimitSeconds, long futureLimitSeconds, boolean lowercaseTagValues) {
    this(now, pastLimitSeconds, futureLimitSeconds, lowercaseTagValues, null);
  }

  /** {@code tagSets}: validated tag sets shared between requests (built with the same {@code lowercaseTagValues}). */
  MeasurementParser(
      long now, long pastLimitSeconds, long futureLimitSeconds, boolean lowercaseTagValues, TagSetCache tagSets) {
    this.tags = new TagObjectReader(tagSets, lowercaseTagValues);
    this.now = now;
    this.earliest = now - pastLimitSeconds;
    this.latest = now + futureLimitSeconds;
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
            topTags = tags.read(p, t, true, errors);
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
        throw errors.toApiError();
      }
      throw ApiError.flat(400, "Payload must include at least 1 measurement");
    }
    resolve(out);
    if (!errors.isEmpty()) {
      throw errors.toApiError();
    }
    return out;
  }

  private List<ParsedMeasurement> readList(JsonCursor p, JsonToken t) {
    if (t != JsonToken.START_ARRAY) {
      errors.add("measurements", "must be a list of measurement objects, got " + ParamErrors.describe(p, t));
      p.skipChildren();
      return null;
    }
    List<ParsedMeasurement> out = new ArrayList<>();
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      ParsedMeasurement m = new ParsedMeasurement();
      errors.reading(out.size());
      if (t != JsonToken.START_OBJECT) {
        errors.add("measurements", errors.at() + " must be an object, got " + ParamErrors.describe(p, t));
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
            errors.add("name", errors.at() + ".name must be a string, got " + ParamErrors.describe(p, t));
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
          m.count = readCount(p, t);
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
          m.tags = tags.read(p, t, false, errors);
          break;
        case "attributes":
          if (t == JsonToken.START_OBJECT) {
            m.attributes = JsonValues.readObject(p);
            Metric.tooDeep(m.attributes).ifPresent(why -> errors.add("attributes", errors.at() + ".attributes " + why));
          } else if (t != JsonToken.VALUE_NULL) {
            errors.add("attributes", errors.at() + ".attributes must be an object, got " + ParamErrors.describe(p, t));
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private double readNumber(JsonCursor p, JsonToken t, String field) {
    if (!t.isNumeric()) {
      errors.add(field, errors.at() + "." + field + " must be a number, got " + ParamErrors.describe(p, t));
      p.skipChildren();
      return 0;
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v) || Math.abs(v) >= 1e127) {
      errors.add(
          field, errors.at() + "." + field + " " + p.getText() + " is out of range (base-10 exponent above 126)");
      return 0;
    }
    if (v != 0 && Math.abs(v) < 1e-130) {
      return 0.0;
    }
    return v;
  }

  /**
   * A summary's number of samples: a whole number from 1 to {@link #MAX_COUNT}. Zero summarizes nothing, and the
   * bound keeps every count exact as a JSON number and lets a roll-up bucket take millions of the largest before it
   * is full (see {@code BucketCapacity}).
   */
  private long readCount(JsonCursor p, JsonToken t) {
    if (!t.isNumeric()) {
      errors.add("count", errors.at() + ".count must be a number, got " + ParamErrors.describe(p, t));
      p.skipChildren();
      return 1;
    }
    double c = p.getDoubleValue();
    if (!(c >= 1 && c <= MAX_COUNT) || c != Math.rint(c)) {
      errors.add("count", errors.at() + ".count must be a whole number from 1 to " + MAX_COUNT + ", got "
          + p.getText());
      return 1;
    }
    return (long) c;
  }

  private long readTime(JsonCursor p, JsonToken t, boolean top) {
    if (!t.isNumeric()) {
      errors.add("time", errors.where(top, "time") + " must be epoch seconds as a number, got "
          + ParamErrors.describe(p, t));
      p.skipChildren();
      return now;
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
      errors.add("time", errors.where(top, "time") + " " + p.getText() + " is not a valid epoch time in seconds");
      return now;
    }
    return (long) Math.floor(v);
  }

  private int readPeriod(JsonCursor p, JsonToken t, boolean top) {
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (!t.isNumeric()) {
      errors.add("period", errors.where(top, "period") + " must be a number of seconds, got "
          + ParamErrors.describe(p, t));
      p.skipChildren();
      return 0;
    }
    double v = p.getDoubleValue();
    if (v < 1 || v > 86_400 * 7 || v != Math.rint(v)) {
      errors.add("period", errors.where(top, "period")
          + " must be a whole number of seconds between 1 and 604800, got " + p.getText());
      return 0;
    }
    return (int) v;
  }

  /** Applies the payload's defaults and checks what needs the whole measurement. */
  private void resolve(List<ParsedMeasurement> list) {
    for (int i = 0; i < list.size(); i++) {
      ParsedMeasurement m = list.get(i);
      errors.reading(i);
      if (m.name == null) {
        errors.add("name", errors.at() + ".name is not present");
        continue;
      }
      if (!validMetricName(m.name)) {
        errors.add("name", m.name + " is not a valid metric name");
      }
      if (m.tags == null) {
        m.tags = topTags;
      }
      if (m.tags == null || m.tags.isEmpty()) {
        errors.add("tags", named(m) + " must have at least 1 tag (its own or the payload's)");
      } else if (m.tags.size() > NameRules.MAX_TAGS) {
        errors.add("tags",
            named(m) + " has " + m.tags.size() + " tags; at most " + NameRules.MAX_TAGS + " are allowed");
      }
      if (m.time == Long.MIN_VALUE) {
        m.time = topTime == Long.MIN_VALUE ? now : topTime;
      }
      if (m.time < earliest) {
        errors.add("time", "is too far in the past: " + named(m) + " time " + m.time + " is before " + earliest);
      } else if (m.time > latest) {
        errors.add("time", "is too far in the future: " + named(m) + " time " + m.time + " is after " + latest);
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
        errors.add("value", named(m) + ": value must not be set together with sum/count");
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
      errors.add("value", named(m) + ": value, or sum and count, is required");
      return;
    }
    if (m.hasCount != m.hasSum) {
      errors.add(m.hasCount ? "sum" : "count", named(m) + ": sum and count must be given together");
      return;
    }
    m.onlySumAndCount = Double.isNaN(m.min) && Double.isNaN(m.max) && Double.isNaN(m.last) && Double.isNaN(m.stddev);
    double mean = m.sum / m.count;
    m.min = Double.isNaN(m.min) ? mean : m.min;
    m.max = Double.isNaN(m.max) ? mean : m.max;
    m.last = Double.isNaN(m.last) ? mean : m.last;
    double sd = Double.isNaN(m.stddev) ? 0 : m.stddev;
    m.squares = m.count * (sd * sd + mean * mean);
  }

  private String named(ParsedMeasurement m) {
    return errors.at() + " (" + m.name + ")";
  }
}
