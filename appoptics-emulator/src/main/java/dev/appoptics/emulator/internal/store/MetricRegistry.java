package dev.appoptics.emulator.internal.store;

import dev.appoptics.emulator.internal.http.ApiError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * Every metric the emulator knows, by name ignoring case, kept sorted by that lower-cased name. A listing pages
 * through an array snapshot of that order, rebuilt (a walk, no sort) only after a change, so a page costs its own
 * items. At most {@code maxMetrics} metrics. Every change is written to the {@link ResourceStore} (collection
 * {@value #COLLECTION}) before it is visible. Thread-safe: reads are lock-free, changes take turns.
 *
 * <p>Read API for other parts of the emulator: {@link #get(String)} for one metric, {@link #find(String)} for all
 * metrics whose name matches a pattern with {@code *} wildcards, {@link #all()} for everything, {@link #page} for
 * a listing.
 */
public final class MetricRegistry {
  static final String COLLECTION = "metrics";

  private final ConcurrentSkipListMap<String, Metric> metrics = new ConcurrentSkipListMap<>();
  private final int maxMetrics;
  private final ResourceStore resources;
  /** The number of metrics: the skip list counts by walking. */
  private volatile int size;
  /** Counts changes, so that a listing snapshot built while one happened is not kept. */
  private long version;
  private volatile Sorted sorted;
  private volatile Filtered filtered;

  /** A registry without a practical bound, kept nowhere. */
  public MetricRegistry() {
    this(Integer.MAX_VALUE, ResourceStore.NONE);
  }

  /** The registry holding what {@code resources} kept, at most {@code maxMetrics} metrics from now on. */
  public MetricRegistry(int maxMetrics, ResourceStore resources) {
    this.maxMetrics = maxMetrics;
    this.resources = resources;
    resources.load(COLLECTION).forEach((key, doc) -> metrics.put(key, Metric.fromDocument(doc)));
    size = metrics.size();
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public Optional<Metric> get(String name) {
    return Optional.ofNullable(metrics.get(key(name)));
  }

  /** The metrics whose name matches {@code pattern} ({@code *} = any characters, case ignored), sorted by name. */
  public List<Metric> find(String pattern) {
    if (!pattern.contains("*")) {
      return get(pattern).map(List::of).orElse(List.of());
    }
    List<Metric> out = new ArrayList<>();
    for (Metric m : metrics.values()) {
      if (Wildcards.matches(pattern, m.name())) {
        out.add(m);
      }
    }
    return out;
  }

  /** Every metric, sorted by name ignoring case. */
  public List<Metric> all() {
    return List.copyOf(metrics.values());
  }

  /** One page of a listing, sorted by name ignoring case: the metrics, how many matched, how many exist. */
  public record Page(List<Metric> metrics, int found, int total) {}

  /**
   * The metrics whose lower-cased name contains {@code needle} (lower case; empty matches all), skipping
   * {@code offset} of them and returning at most {@code length}, by name ascending or descending. A page costs its
   * own items; a new needle (or the first listing after a change) also costs one pass over the names.
   */
  public Page page(String needle, int offset, int length, boolean descending) {
    Sorted all = sorted();
    int n = all.keys.length;
    List<Metric> items = new ArrayList<>(Math.min(length, n));
    if (needle.isEmpty()) {
      for (int i = offset; i < n && items.size() < length; i++) {
        items.add(all.metrics[descending ? n - 1 - i : i]);
      }
      return new Page(items, n, n);
    }
    int[] matches = matches(all, needle);
    int found = matches.length;
    for (int i = offset; i < found && items.size() < length; i++) {
      items.add(all.metrics[matches[descending ? found - 1 - i : i]]);
    }
    return new Page(items, found, n);
  }

  /** The positions in {@code all} whose key contains {@code needle}; the last answer is kept for the next page. */
  private int[] matches(Sorted all, String needle) {
    Filtered last = filtered;
    if (last != null && last.of == all && last.needle.equals(needle)) {
      return last.matches;
    }
    int[] found = new int[all.keys.length];
    int count = 0;
    for (int i = 0; i < all.keys.length; i++) {
      if (all.keys[i].contains(needle)) {
        found[count++] = i;
      }
    }
    int[] matches = Arrays.copyOf(found, count);
    filtered = new Filtered(needle, all, matches);
    return matches;
  }

  /** Every metric in name order, as arrays a page indexes into; rebuilt after a change, when a listing asks. */
  private record Sorted(String[] keys, Metric[] metrics) {}

  /** The matches of one name filter in one snapshot. */
  private record Filtered(String needle, Sorted of, int[] matches) {}

  private Sorted sorted() {
    Sorted current = sorted;
    if (current != null) {
      return current;
    }
    long seen;
    synchronized (this) {
      seen = version;
    }
    List<String> keys = new ArrayList<>(size);
    List<Metric> values = new ArrayList<>(size);
    metrics.forEach((k, m) -> {
      keys.add(k);
      values.add(m);
    });
    Sorted built = new Sorted(keys.toArray(String[]::new), values.toArray(Metric[]::new));
    synchronized (this) {
      if (version == seen) {
        sorted = built; // only when no change raced the walk
      }
    }
    return built;
  }

  /** Every change calls this (holding the lock), so the next listing sees it. */
  private void changed() {
    version++;
    sorted = null;
  }

  public int size() {
    return size;
  }

  /**
   * Refuses, with 403 in the shape of the API's account limits, a change that would add {@code adding} metrics past
   * the bound. Concurrent writers checking at once may each pass it by what they add, as with the series limit.
   */
  public void checkRoom(int adding) {
    if (adding > 0 && (long) size + adding > maxMetrics) {
      throw ApiError.singular(403, "Metric limit reached: the emulator stores at most " + maxMetrics
          + " metrics (max metrics); it holds " + size + " and this request would add " + adding);
    }
  }

  /** The existing metric, or {@code created} stored under its name; the first writer wins. */
  synchronized Metric getOrCreate(Metric created) {
    Metric existing = metrics.get(key(created.name()));
    if (existing != null) {
      return existing;
    }
    save(created);
    return created;
  }

  /** Creates (within the bound: a 403 past it) or replaces; true when it created. */
  public synchronized boolean put(Metric metric) {
    boolean creates = !metrics.containsKey(key(metric.name()));
    if (creates) {
      checkRoom(1);
    }
    save(metric);
    return creates;
  }

  /** Applies {@code change} to the metric if present; the result, or empty when absent. */
  public synchronized Optional<Metric> update(String name, UnaryOperator<Metric> change) {
    Metric old = metrics.get(key(name));
    if (old == null) {
      return Optional.empty();
    }
    Metric changed = change.apply(old);
    save(changed);
    return Optional.of(changed);
  }

  public synchronized boolean remove(String name) {
    if (!metrics.containsKey(key(name))) {
      return false;
    }
    resources.delete(COLLECTION, key(name));
    metrics.remove(key(name));
    size--;
    changed();
    return true;
  }

  public synchronized void clear() {
    resources.deleteAll(COLLECTION);
    metrics.clear();
    size = 0;
    changed();
  }

  /** Writes {@code metric}, then puts it in place of the one with its name. */
  private void save(Metric metric) {
    resources.put(COLLECTION, key(metric.name()), metric.toDocument());
    if (metrics.put(key(metric.name()), metric) == null) {
      size++;
    }
    changed();
  }
}
