package dev.appoptics.metrics;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A validated, immutable tag set as measurements carry it: insertion-ordered names and values in two arrays, its hash
 * computed once, and its JSON object ({@code {"host":"a",…}}) encoded once. Every measurement of one tag set shares
 * one instance (see {@link Validated}), so a batch writes each measurement's tags as one copy of those bytes instead
 * of walking and escaping a map.
 */
final class WireTags extends AbstractMap<String, String> {
  private final String[] names;
  private final String[] values;
  private final int hash;
  private final byte[] json;
  private Set<Entry<String, String>> entries;

  /** A copy of {@code tags}, which must be valid already. */
  WireTags(Map<String, String> tags) {
    int n = tags.size();
    names = new String[n];
    values = new String[n];
    int i = 0;
    int h = 0;
    JsonBytes out = new JsonBytes(16 + n * 32).raw('{');
    for (Entry<String, String> e : tags.entrySet()) {
      names[i] = e.getKey();
      values[i] = e.getValue();
      h += names[i].hashCode() ^ values[i].hashCode();
      if (i > 0) {
        out.raw(',');
      }
      out.string(names[i]).raw(':').string(values[i]);
      i++;
    }
    hash = h;
    json = out.raw('}').toByteArray();
  }

  /** The JSON object, shared: callers copy it and never change it. */
  byte[] json() {
    return json;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public String get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  private int indexOf(Object key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Map<?, ?> m && m.hashCode() == hash && super.equals(o));
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    if (entries == null) {
      entries = new AbstractSet<>() {
        @Override
        public int size() {
          return names.length;
        }

        @Override
        public Iterator<Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < names.length;
            }

            @Override
            public Entry<String, String> next() {
              if (next >= names.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(names[i], values[i]);
            }
          };
        }
      };
    }
    return entries;
  }
}
