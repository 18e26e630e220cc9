package dev.appoptics.emulator.internal.alerting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The latest deliveries of each alert, newest first, for the notifications route and the console. Thread-safe. */
final class DeliveryLog {
  static final int PER_ALERT = 20;

  private final Map<Long, Deque<Delivery>> byAlert = new HashMap<>();

  synchronized void add(Delivery d) {
    Deque<Delivery> of = byAlert.computeIfAbsent(d.alertId(), k -> new ArrayDeque<>());
    of.addFirst(d);
    if (of.size() > PER_ALERT) {
      of.removeLast();
    }
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
    byAlert.clear();
  }
}
