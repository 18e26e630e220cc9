package dev.appoptics.emulator.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Every metric the emulator knows, by name ignoring case, kept in memory and written to the {@link ResourceStore}
 * (collection {@value #COLLECTION}) on every change, before the change is visible. Thread-safe: reads are lock-free,
 * changes take turns.
 *
 * <p>Read API for other parts of the emulator: {@link #get(String)} for one metric, {@link #find(String)} for all
 * metrics whose name matches a pattern with {@code *} wildcards, {@link #all()} for everything.
 */
public final class MetricRegistry {
  static final String COLLECTION = "metrics";

  private final ConcurrentHashMap<String, Metric> metrics = new ConcurrentHashMap<>();
  private final ResourceStore resources;

  /** The registry holding what {@code resources} kept. */
  public MetricRegistry(ResourceStore resources) {
    this.resources = resources;
    resources.load(COLLECTION).forEach((key, doc) -> metrics.put(key, Metric.fromDocument(doc)));
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
    out.sort((a, b) -> key(a.name()).compareTo(key(b.name())));
    return out;
  }

  /** Every metric, sorted by name ignoring case. */
  public List<Metric> all() {
    return find("*");
  }

  public int size() {
    return metrics.size();
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

  /** Creates or replaces; true when it created. */
  public synchronized boolean put(Metric metric) {
    boolean created = !metrics.containsKey(key(metric.name()));
    save(metric);
    return created;
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
    return true;
  }

  public synchronized void clear() {
    resources.deleteAll(COLLECTION);
    metrics.clear();
  }

  private void save(Metric metric) {
    resources.put(COLLECTION, key(metric.name()), metric.toDocument());
    metrics.put(key(metric.name()), metric);
  }
}
