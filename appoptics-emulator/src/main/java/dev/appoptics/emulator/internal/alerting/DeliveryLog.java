package dev.appoptics.emulator.internal.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.store.Changes;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The latest deliveries of each alert, newest first, for the notifications route and the console. Each one it shows,
 * and each one still pending, is a document of the resource store's {@value #DELIVERIES} (by delivery id), written
 * when the delivery is made, after each attempt and when it ends; a delivery pushed out by newer ones loses its
 * document once it is over. Thread-safe.
 */
final class DeliveryLog {
  static final int PER_ALERT = 20;
  /** The resource store's collection of deliveries. */
  static final String DELIVERIES = "alert_deliveries";

  private final ResourceStore resources;
  private final Consumer<String> log;
  private final Map<Long, Deque<Delivery>> byAlert = new HashMap<>();

  /** {@code log} hears of records that could not be written; null for none. */
  DeliveryLog(ResourceStore resources, Consumer<String> log) {
    this.resources = resources;
    this.log = log;
  }

  /** The greatest delivery id ever recorded (0 when none): ids go on from there. */
  long highestId() {
    return resources.highestId(DELIVERIES);
  }

  /**
   * Takes up the recorded deliveries of the alerts {@code alertIds}: the latest {@link #PER_ALERT} of each are shown.
   * Records of deleted alerts, and of deliveries pushed out and over, are deleted. Answers the pending ones, oldest
   * first, for the notifier to resume.
   */
  synchronized List<Delivery> load(Set<Long> alertIds) {
    List<Delivery> recorded = new ArrayList<>();
    for (JsonNode doc : resources.load(DELIVERIES).values()) {
      recorded.add(Delivery.fromJson(doc));
    }
    recorded.sort(Comparator.comparingLong(Delivery::id));
    Changes dropped = new Changes();
    List<Delivery> pending = new ArrayList<>();
    for (Delivery d : recorded) {
      if (!alertIds.contains(d.alertId())) {
        dropped.delete(DELIVERIES, d.id());
        continue;
      }
      if (d.pending()) {
        pending.add(d);
      }
      push(d, dropped);
    }
    write(dropped);
    return pending;
  }

  /**
   * Shows {@code d} as its alert's newest delivery. Its document, and the deletion of the finished one it pushes out,
   * go into {@code changes}, which the caller writes before {@code d} starts.
   */
  synchronized void add(Delivery d, Changes changes) {
    changes.put(DELIVERIES, d.id(), d.toJson());
    push(d, changes);
  }

  /** Writes {@code d} as it is now (an attempt made, an outcome), or deletes it when it was pushed out and is over. */
  synchronized void update(Delivery d) {
    Changes change = new Changes();
    if (d.pending() || byAlert.getOrDefault(d.alertId(), new ArrayDeque<>()).contains(d)) {
      change.put(DELIVERIES, d.id(), d.toJson());
    } else {
      change.delete(DELIVERIES, d.id());
    }
    write(change);
  }

  List<ObjectNode> recent(long alertId) {
    List<Delivery> copy;
    synchronized (this) {
      copy = new ArrayList<>(byAlert.getOrDefault(alertId, new ArrayDeque<>()));
    }
    List<ObjectNode> out = new ArrayList<>(copy.size());
    for (Delivery d : copy) {
      out.add(d.toJson());
    }
    return out;
  }

  synchronized void clear() {
    resources.deleteAll(DELIVERIES);
    byAlert.clear();
  }

  /** Puts {@code d} first among its alert's; the oldest beyond {@link #PER_ALERT} goes, its document too if over. */
  private void push(Delivery d, Changes changes) {
    Deque<Delivery> of = byAlert.computeIfAbsent(d.alertId(), k -> new ArrayDeque<>());
    of.addFirst(d);
    if (of.size() > PER_ALERT) {
      Delivery out = of.removeLast();
      // A pending one keeps its document until it is over (see update), so that a restart still resumes it.
      if (!out.pending()) {
        changes.delete(DELIVERIES, out.id());
      }
    }
  }

  /** A record that cannot be written is said, not thrown: delivery goes on, and the next update tries again. */
  private void write(Changes changes) {
    if (changes.isEmpty()) {
      return;
    }
    try {
      resources.write(changes);
    } catch (RuntimeException e) {
      if (log != null) {
        log.accept("alert delivery records not written: " + e.getMessage());
      }
    }
  }
}
