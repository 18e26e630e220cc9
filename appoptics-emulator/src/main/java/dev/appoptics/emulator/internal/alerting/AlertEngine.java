package dev.appoptics.emulator.internal.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.internal.measure.CompositeQueries;
import dev.appoptics.emulator.internal.store.Changes;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.ResourceStore;
import dev.appoptics.emulator.internal.store.Series;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Evaluates every active alert against the stored data and opens and closes incidents, handing each notification to
 * {@link Dispatch}. Conditions are indexed by metric, so each evaluation lists a metric's series once and reads each
 * series once, from the newest point the last evaluation saw. Thread-safe: evaluations and manual clears run one at a
 * time; status reads never wait for an evaluation.
 *
 * <p>Each alert's incident is a document of the resource store's {@value #INCIDENTS}, loaded when the engine is made
 * and written whenever it changes (an incident opens, notifies, clears; tracking starts anew), together with the
 * records of the deliveries that change decided, before they start and before a manual clear is answered. An
 * evaluation that changes nothing writes nothing.
 */
final class AlertEngine {
  /** Bucket width of grouped conditions on a metric without a period. */
  static final int GROUP_RESOLUTION = 60;
  /** How far back a composite is evaluated, besides the conditions' durations: an hour. */
  static final long COMPOSITE_LOOKBACK = 3600;
  /** The resource store's collection of incidents, one document per alert, by alert id. */
  static final String INCIDENTS = "alert_incidents";

  /** Where decided notifications go. */
  interface Dispatch {
    /**
     * Makes the deliveries of {@code n}, adding their records to {@code changes}; answers what starts them, which the
     * engine runs once {@code changes} are written.
     */
    Runnable prepare(Notification n, Changes changes);
  }

  private final Object lock = new Object();
  private final AlertCatalog catalog;
  private final MeasurementStore store;
  private final MetricRegistry registry;
  private final CompositeQueries composites;
  private final Clock clock;
  private final ResourceStore resources;
  private final Dispatch dispatch;
  private List<AlertRule> lastRules = List.of();
  private Map<Long, AlertState> states = new LinkedHashMap<>();
  /** The watches of active alerts by metric (lower-cased), with their alert. */
  private Map<String, List<Watched>> byMetric = Map.of();
  /** Alerts whose incident document is to be deleted: the alert was deleted. */
  private final Set<Long> removed = new HashSet<>();
  private long incidents;
  private volatile Map<Long, AlertStatus> statuses = Map.of();

  private record Watched(AlertState alert, ConditionWatch watch) {}

  /** Takes up the incidents {@code resources} recorded for the alerts {@code catalog} holds. */
  AlertEngine(
      AlertCatalog catalog, MeasurementStore store, MetricRegistry registry, CompositeQueries composites, Clock clock,
      ResourceStore resources, Dispatch dispatch) {
    this.catalog = catalog;
    this.store = store;
    this.registry = registry;
    this.composites = composites;
    this.clock = clock;
    this.resources = resources;
    this.dispatch = dispatch;
    synchronized (lock) {
      Map<Long, JsonNode> stored = new HashMap<>();
      resources.load(INCIDENTS).forEach((id, doc) -> {
        stored.put(Long.parseLong(id), doc);
        // Keys stay unique across restarts: numbering goes on from the highest recorded.
        incidents = Math.max(incidents, doc.path("incident").asLong());
      });
      reconcile(catalog.rules(), stored);
      publish();
    }
  }

  /** One evaluation at the clock's current second. */
  void evaluate() {
    synchronized (lock) {
      long now = clock.instant().getEpochSecond();
      List<AlertRule> rules = catalog.rules();
      if (!rules.equals(lastRules)) {
        reconcile(rules, Map.of());
      }
      SeriesReads reads = new SeriesReads(now);
      Map<ConditionWatch, List<Violation>> found = new HashMap<>();
      byMetric.forEach((metric, watched) -> {
        int groupResolution = groupResolution(metric);
        Optional<Metric> composite = registry.get(metric).filter(Metric::isComposite);
        if (composite.isPresent()) {
          checkComposite(composite.get(), watched, groupResolution, reads, found);
          return;
        }
        List<Series> series = store.series(metric);
        for (Watched w : watched) {
          AlertState alert = w.alert();
          found.put(w.watch(),
              w.watch().check(series, alert.trackingStart, alert.judgedUntil, groupResolution, reads));
        }
      });
      List<Notification> decided = new ArrayList<>();
      for (AlertState alert : states.values()) {
        decide(alert, found, now, decided);
      }
      saveAndDispatch(decided);
    }
  }

  /**
   * Ends the alert's incident by hand ({@code POST /v1/alerts/:id/clear}) and sends the cleared notification. Only
   * points after the clear count from then on, so a stream that broke a threshold and then went silent does not
   * trigger it again. Returns once that is written. False when the alert was not firing.
   */
  boolean clear(long id, long now) {
    synchronized (lock) {
      AlertState alert = states.get(id);
      List<Notification> decided = new ArrayList<>();
      if (alert != null && alert.firing) {
        decided.add(close(alert, now));
        alert.restartFrom(now);
      }
      // Also writes what an earlier failed write left unsaved, so that a 2xx answer means it is all kept.
      saveAndDispatch(decided);
      return !decided.isEmpty();
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

  /** Forgets every incident and signal, recorded ones too. */
  void reset() {
    synchronized (lock) {
      resources.deleteAll(INCIDENTS);
      lastRules = List.of();
      states = new LinkedHashMap<>();
      byMetric = Map.of();
      removed.clear();
      publish();
    }
  }

  /**
   * Takes in a changed set of alerts: new ones are watched from their {@code updated_at}, or as {@code stored} (the
   * recorded incidents, when the engine is made) says; an alert whose conditions or {@code active} changed is watched
   * afresh from its new {@code updated_at}; other changes (name, services, rearm) keep what was seen; deleted alerts
   * are forgotten, and so are their recorded incidents.
   */
  private void reconcile(List<AlertRule> rules, Map<Long, JsonNode> stored) {
    Map<Long, AlertState> next = new LinkedHashMap<>();
    Map<String, List<Watched>> index = new HashMap<>();
    for (AlertRule rule : rules) {
      AlertState alert = states.get(rule.id());
      if (alert == null) {
        JsonNode doc = stored.get(rule.id());
        alert = doc == null ? new AlertState(rule, rule.updatedAt()) : AlertState.restored(rule, doc);
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
    for (Long id : states.keySet()) {
      if (!next.containsKey(id)) {
        removed.add(id);
      }
    }
    for (Long id : stored.keySet()) {
      if (!next.containsKey(id)) {
        removed.add(id);
      }
    }
    states = next;
    byMetric = index;
    lastRules = rules;
  }

  /**
   * A composite stores nothing: it is evaluated once per evaluation, at the group resolution, over the buckets that
   * are over in the newest {@link #COMPOSITE_LOOKBACK} seconds plus the longest duration watching it.
   */
  private void checkComposite(Metric composite, List<Watched> watched, int resolution, SeriesReads reads,
      Map<ConditionWatch, List<Violation>> found) {
    long longest = 0;
    for (Watched w : watched) {
      longest = Math.max(longest, w.watch().condition().duration());
    }
    long end = Math.floorDiv(reads.to(), resolution) * resolution - 1; // the last second of the last bucket over
    long start = Math.floorDiv(end - longest - COMPOSITE_LOOKBACK, resolution) * resolution;
    List<CompositeQueries.Stream> streams = composites.evaluate(composite, start, end, resolution);
    for (Watched w : watched) {
      AlertState alert = w.alert();
      found.put(w.watch(),
          w.watch().checkComputed(streams, alert.trackingStart, alert.judgedUntil, resolution, reads));
    }
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
  private void decide(
      AlertState alert, Map<ConditionWatch, List<Violation>> found, long now, List<Notification> decided) {
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
        decided.add(close(alert, now));
      }
      return;
    }
    if (!alert.firing) {
      alert.firing = true;
      alert.triggeredAt = now;
      alert.incident = ++incidents;
      alert.signalNotifiedAt.clear();
      decided.add(trigger(alert, violations, now));
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
        decided.add(trigger(alert, due, now));
      }
    } else if (now - alert.lastNotifiedAt >= rule.rearmSeconds()) {
      decided.add(trigger(alert, violations, now));
    }
  }

  private static Notification trigger(AlertState alert, List<Violation> violations, long now) {
    alert.lastNotifiedAt = now;
    for (Violation v : violations) {
      alert.signalNotifiedAt.put(v.signal(), now);
    }
    alert.unsaved = true;
    return new Notification(
        Notification.Kind.TRIGGERED, alert.rule, alert.incidentKey(), alert.triggeredAt, now, violations);
  }

  private static Notification close(AlertState alert, long now) {
    alert.firing = false;
    alert.clearedAt = now;
    alert.unsaved = true;
    return new Notification(
        Notification.Kind.CLEARED, alert.rule, alert.incidentKey(), alert.triggeredAt, now, List.of());
  }

  /**
   * Writes the changed incidents and the records of the {@code decided} notifications' deliveries in one go, then
   * starts the deliveries and shows the new statuses. When the write fails, the deliveries still start (hearing twice
   * after a crash beats not hearing) and the incidents stay unsaved, to be written with the next evaluation or clear;
   * the failure is thrown.
   */
  private void saveAndDispatch(List<Notification> decided) {
    Changes changes = new Changes();
    removed.forEach(id -> changes.delete(INCIDENTS, id));
    List<AlertState> saved = new ArrayList<>();
    for (AlertState alert : states.values()) {
      if (alert.unsaved) {
        changes.put(INCIDENTS, alert.rule.id(), alert.document());
        saved.add(alert);
      }
    }
    List<Runnable> starts = new ArrayList<>(decided.size());
    for (Notification n : decided) {
      starts.add(dispatch.prepare(n, changes));
    }
    try {
      if (!changes.isEmpty()) {
        resources.write(changes);
      }
      removed.clear();
      saved.forEach(alert -> alert.unsaved = false);
    } finally {
      starts.forEach(Runnable::run);
      publish();
    }
  }

  private void publish() {
    Map<Long, AlertStatus> next = new LinkedHashMap<>();
    states.forEach((id, alert) -> next.put(id, alert.status()));
    statuses = Collections.unmodifiableMap(next);
  }
}
