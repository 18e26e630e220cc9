package dev.appoptics.emulator.internal.store;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * A validated tag set: unmodifiable, iterated in name order, with its hash code computed once. Every measurement of a
 * series is looked up in the store by its tags, so the cached hash (and the shared instance from {@link TagSetCache},
 * which makes {@code equals} an identity check) keeps that lookup from walking the entries each time.
 */
public final class TagMap extends AbstractMap<String, String> {
  private final Map<String, String> sorted;
  private final int hash;

  public TagMap(SortedMap<String, String> tags) {
    this.sorted = Collections.unmodifiableSortedMap(tags);
    this.hash = sorted.hashCode();
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return sorted.entrySet();
  }

  @Override
  public String get(Object key) {
    return sorted.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return sorted.containsKey(key);
  }

  @Override
  public int size() {
    return sorted.size();
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || sorted.equals(o);
  }
}
