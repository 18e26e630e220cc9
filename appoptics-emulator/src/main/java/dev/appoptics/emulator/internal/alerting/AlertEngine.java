package dev.appoptics.emulator.internal.alerting;

import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.Series;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Evaluates every active alert against the stored data and opens and closes incidents, handing each notification to
 * {@code notify}. Conditions are indexed by metric, so each evaluation lists a metric's series once and reads each
 * series once, from the newest point the last evaluation saw. Thread-safe: evaluations and manual clears run one at a
 * time; status reads never wait for an evaluation.
 */
final class AlertEngine {
  /** Bucket width of grouped conditions on a metric without a period. */
  static final int GROUP_RESOLUTION = 60;

  private final Object lock = new Object();
  private final AlertCatalog catalog;
  private final MeasurementStore store;
  private final MetricRegistry registry;
  private final Clock clock;
  private final Consumer<Notification> notify;
  private List<AlertRule> lastRules = List.of();
  private Map<Long, AlertState> states = new LinkedHashMap<>();
  /** The watches of active alerts by metric (lower-cased), with their alert. */
  private Map<String, List<Watched>> byMetric = Map.of();
  private long incidents;
  private volatile Map<Long, AlertStatus> statuses = Map.of();

  private record Watched(AlertState alert, ConditionWatch watch) {}

  AlertEngine(
      AlertCatalog catalog, MeasurementStore store, MetricRegistry registry, Clock clock,
      Consumer<Notification> notify) {
    this.catalog = catalog;
    this.store = store;
    this.registry = registry;
    this.clock = clock;
    this.notify = notify;
  }

  /** One evaluation at the clock's current second. */
  void evaluate() {
    synchronized (lock) {
      long now = clock.instant().getEpochSecond();
      List<AlertRule> rules = catalog.rules();
      if (!rules.equals(lastRules)) {
        reconcile(rules);
      }
      SeriesReads reads = new SeriesReads(now);
      Map<ConditionWatch, List<Violation>> found = new HashMap<>();
      byMetric.forEach((metric, watched) -> {
        List<Series> series = store.series(metric);
        int groupResolution = groupResolution(metric);
        for (Watched w : watched) {
          found.put(w.watch(), w.watch().check(series, w.alert().trackingStart, groupResolution, reads));
        }
      });
      for (AlertState alert : states.values()) {
        decide(alert, found, now);
      }
      publish();
    }
  }

  /**
   * Ends the alert's incident by hand ({@code POST /v1/alerts/:id/clear}) and sends the cleared notification. Only
   * points after the clear count from then on, so a stream that broke a threshold and then went silent does not
   * trigger it again. False when the alert was not firing.
   */
  boolean clear(long id, long now) {
    synchronized (lock) {
      AlertState alert = states.get(id);
      if (alert == null || !alert.firing) {
        return false;
      }
      close(alert, now);
      alert.restartFrom(now);
      publish();
      return true;
    }
  }

  AlertStatus status(long id) {
    return statuses.getOrDefault(id, AlertStatus.OK);
  }

  /** Every alert's status, by id. */
  Map<Long, AlertStatus> statuses() {
    return statuses;
  }

  int firingCount() {
    int n = 0;
    for (AlertStatus s : statuses.values()) {
      n += s.firing() ? 1 : 0;
    }
    return n;
  }

  /** Forgets every incident and signal, as after a restart. */
  void reset() {
    synchronized (lock) {
      lastRules = List.of();
      states = new LinkedHashMap<>();
      byMetric = Map.of();
      publish();
    }
  }

  /**
   * Takes in a changed set of alerts: new ones are watched from their {@code updated_at}; an alert whose conditions
   * or {@code active} changed is watched afresh from its new {@code updated_at}; other changes (name, services,
   * rearm) keep what was seen; deleted alerts are forgotten.
   */
  private void reconcile(List<AlertRule> rules) {
    Map<Long, AlertState> next = new LinkedHashMap<>();
    Map<String, List<Watched>> index = new HashMap<>();
    for (AlertRule rule : rules) {
      AlertState alert = states.get(rule.id());
      if (alert == null) {
        alert = new AlertState(rule, rule.updatedAt());
      } else if (!alert.rule.watchesLike(rule)) {
        alert.watch(rule, Math.max(alert.trackingStart, rule.updatedAt()));
      } else {
        alert.adopt(rule);
      }
      next.put(rule.id(), alert);
      if (rule.active()) {
        for (ConditionWatch w : alert.watches) {
          index.computeIfAbsent(w.condition().metricName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(new Watched(alert, w));
        }
      }
    }
    states = next;
    byMetric = index;
    lastRules = rules;
  }

  private int groupResolution(String metric) {
    OptionalInt period = registry.get(metric).map(Metric::period).orElse(OptionalInt.empty());
    return period.isPresent() && period.getAsInt() > 0 ? period.getAsInt() : GROUP_RESOLUTION;
  }

  /**
   * Opens, repeats or closes the alert's incident. It fires when every condition has a breaking signal. A new incident
   * is always notified; while it lasts, a trigger notification repeats once {@code rearm_seconds} have passed since
   * the last one (with rearm per signal: for each signal on its own, so a newly breaking signal is told at once). It
   * clears, with a cleared notification, when the conditions stop holding or the alert is disabled.
   */
  private void decide(AlertState alert, Map<ConditionWatch, List<Violation>> found, long now) {
    AlertRule rule = alert.rule;
    boolean holds = rule.active() && !alert.watches.isEmpty();
    List<Violation> violations = new ArrayList<>();
    for (ConditionWatch w : alert.watches) {
      List<Violation> v = found.getOrDefault(w, List.of());
      holds &= !v.isEmpty();
      violations.addAll(v);
    }
    if (!holds) {
      if (alert.firing) {
        close(alert, now);
      }
      return;
    }
    if (!alert.firing) {
      alert.firing = true;
      alert.triggeredAt = now;
      alert.incidentKey = "alert-" + rule.id() + "-incident-" + (++incidents);
      alert.signalNotifiedAt.clear();
      trigger(alert, violations, now);
      return;
    }
    if (rule.rearmPerSignal()) {
      List<Violation> due = new ArrayList<>();
      for (Violation v : violations) {
        Long last = alert.signalNotifiedAt.get(v.signal());
        if (last == null || now - last >= rule.rearmSeconds()) {
          due.add(v);
        }
      }
      if (!due.isEmpty()) {
        trigger(alert, due, now);
      }
    } else if (now - alert.lastNotifiedAt >= rule.rearmSeconds()) {
      trigger(alert, violations, now);
    }
  }

  private void trigger(AlertState alert, List<Violation> violations, long now) {
    alert.lastNotifiedAt = now;
    for (Violation v : violations) {
      alert.signalNotifiedAt.put(v.signal(), now);
    }
    notify.accept(new Notification(
        Notification.Kind.TRIGGERED, alert.rule, alert.incidentKey, alert.triggeredAt, now, violations));
  }

  private void close(AlertState alert, long now) {
    alert.firing = false;
    alert.clearedAt = now;
    notify.accept(new Notification(
        Notification.Kind.CLEARED, alert.rule, alert.incidentKey, alert.triggeredAt, now, List.of()));
  }

  private void publish() {
    Map<Long, AlertStatus> next = new LinkedHashMap<>();
    states.forEach((id, alert) -> next.put(id, alert.status()));
    statuses = Collections.unmodifiableMap(next);
  }
}
