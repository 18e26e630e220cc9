package dev.appoptics.emulator.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * The field names {@link MeasurementParser} switches on, recognized from their bytes by length and one or two
 * eight-byte words: no hashing, no table, no String made.
 */
final class KnownNames {
  private static final long SUM = word("sum");
  private static final long MIN = word("min");
  private static final long MAX = word("max");
  private static final long NAME = word("name");
  private static final long LAST = word("last");
  private static final long TIME = word("time");
  private static final long TAGS = word("tags");
  private static final long VALUE = word("value");
  private static final long COUNT = word("count");
  private static final long STDDEV = word("stddev");
  private static final long PERIOD = word("period");
  private static final long ATTRIBUT = word("attribut");
  private static final long ES = word("es");
  private static final long MEASUREM = word("measurem");
  private static final long ENTS = word("ents");

  private KnownNames() {}

  /** The known name spelled by these ASCII bytes, or null. */
  static String match(byte[] in, int offset, int length) {
    if (length < 3 || length > 12) {
      return null;
    }
    long w = BytesTable.word(in, offset, Math.min(length, 8));
    switch (length) {
      case 3:
        return w == SUM ? "sum" : w == MIN ? "min" : w == MAX ? "max" : null;
      case 4:
        return w == NAME ? "name" : w == TAGS ? "tags" : w == TIME ? "time" : w == LAST ? "last" : null;
      case 5:
        return w == VALUE ? "value" : w == COUNT ? "count" : null;
      case 6:
        return w == STDDEV ? "stddev" : w == PERIOD ? "period" : null;
      case 10:
        return w == ATTRIBUT && BytesTable.word(in, offset + 8, 2) == ES ? "attributes" : null;
      case 12:
        return w == MEASUREM && BytesTable.word(in, offset + 8, 4) == ENTS ? "measurements" : null;
      default:
        return null;
    }
  }

  private static long word(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return BytesTable.word(b, 0, b.length);
  }
}
