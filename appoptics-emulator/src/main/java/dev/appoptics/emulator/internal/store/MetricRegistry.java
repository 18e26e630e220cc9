package dev.appoptics.emulator.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Every metric the emulator knows, by name ignoring case. Thread-safe.
 *
 * <p>Read API for other parts of the emulator: {@link #get(String)} for one metric, {@link #find(String)} for all
 * metrics whose name matches a pattern with {@code *} wildcards, {@link #all()} for everything.
 */
public final class MetricRegistry {
  private final ConcurrentHashMap<String, Metric> metrics = new ConcurrentHashMap<>();

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
  Metric getOrCreate(Metric created) {
    Metric existing = metrics.putIfAbsent(key(created.name()), created);
    return existing == null ? created : existing;
  }

  /** Creates or replaces; true when it created. */
  public boolean put(Metric metric) {
    return metrics.put(key(metric.name()), metric) == null;
  }

  /** Applies {@code change} to the metric if present; the result, or empty when absent. */
  public Optional<Metric> update(String name, UnaryOperator<Metric> change) {
    return Optional.ofNullable(metrics.computeIfPresent(key(name), (k, m) -> change.apply(m)));
  }

  public boolean remove(String name) {
    return metrics.remove(key(name)) != null;
  }

  public void clear() {
    metrics.clear();
  }
}
