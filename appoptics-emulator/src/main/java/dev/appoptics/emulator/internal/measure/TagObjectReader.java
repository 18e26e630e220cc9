package dev.appoptics.emulator.internal.measure;

import com.fasterxml.jackson.core.JsonToken;
import dev.appoptics.emulator.internal.json.JsonCursor;
import dev.appoptics.emulator.internal.store.TagMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads tag objects of a measurement body: validated, names lower-cased (values too when so configured) and shared
 * through the {@link TagSetCache}, so that a tag set seen before costs one lookup. Keeps scratch buffers: one per
 * body, not thread-safe.
 */
final class TagObjectReader {
  private final TagSetCache tagSets;
  private final boolean lowercaseTagValues;
  private char[] key = new char[256];
  private int keyLength;
  private String[] tagNames = new String[8];
  private int[] valueStarts = new int[8];
  private int[] valueLengths = new int[8];
  private String[] tagProblems = new String[8];

  /** {@code tagSets}: shared between requests (built with the same {@code lowercaseTagValues}), or null. */
  TagObjectReader(TagSetCache tagSets, boolean lowercaseTagValues) {
    this.tagSets = tagSets;
    this.lowercaseTagValues = lowercaseTagValues;
  }

  /**
   * The tag object at the current token ({@code t}), validated and normalized; null for a JSON null, an empty map
   * after an error. {@code top}: the payload's own tags rather than a measurement's (for the messages).
   */
  Map<String, String> read(JsonCursor p, JsonToken t, boolean top, ParamErrors errors) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      errors.add("tags", errors.where(top, "tags") + " must be an object of tag names to values, got "
          + ParamErrors.describe(p, t));
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
        tagProblems[n] =
            errors.where(top, "tags") + "." + name + " must be a string, got " + ParamErrors.describe(p, vt);
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
    int before = errors.count();
    TreeMap<String, String> tags = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String name = tagNames[i];
      if (tagProblems[i] != null) {
        errors.add("tags", tagProblems[i]);
        continue;
      }
      String value = new String(key, valueStarts[i], valueLengths[i]);
      if (!NameRules.validTagName(name)) {
        errors.add("tags",
            errors.where(top, "tags") + ": '" + name + "' is not a valid tag name (1-64 of A-Za-z0-9 . : - _)");
        continue;
      }
      if (!NameRules.validTagValue(value)) {
        errors.add(
            "tags",
            errors.where(top, "tags") + "." + name + ": '" + value
                + "' is not a valid tag value (1-255 of A-Za-z0-9 . : - _ ? \\ / space)");
        continue;
      }
      tags.put(
          name.toLowerCase(Locale.ROOT), lowercaseTagValues ? value.toLowerCase(Locale.ROOT) : value);
    }
    Map<String, String> result = new TagMap(tags);
    if (cacheable && errors.count() == before) {
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
}
