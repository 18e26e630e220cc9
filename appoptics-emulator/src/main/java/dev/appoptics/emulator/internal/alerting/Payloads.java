package dev.appoptics.emulator.internal.alerting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.resources.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The bodies services receive. A webhook gets the JSON of the AppOptics webhook integration: the alert, the account,
 * the trigger time, the incident key, and either the conditions with the violations keyed by signal, or {@code
 * "clear": "normal"} when the incident ended. Slack gets a short readable message.
 */
final class Payloads {
  /** The account the emulator reports: it has no users, so one fixed address stands for all. */
  static final String ACCOUNT = "emulator@localhost";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Payloads() {}

  static ObjectNode webhook(Notification n) {
    ObjectNode out = Json.object();
    ObjectNode alert = out.putObject("alert");
    alert.put("id", n.rule().id());
    alert.put("name", n.rule().name());
    alert.put("runbook_url", n.rule().runbookUrl());
    alert.put("version", 2);
    out.put("account", ACCOUNT);
    out.put("trigger_time", n.triggerTime());
    out.put("incident_key", n.incidentKey());
    if (n.kind() == Notification.Kind.CLEARED) {
      out.put("clear", "normal");
      return out;
    }
    ArrayNode conditions = out.putArray("conditions");
    for (ConditionRule c : n.rule().conditions()) {
      ObjectNode cond = conditions.addObject();
      cond.put("id", c.id());
      cond.put("type", c.type().wireName());
      if (c.type() == ConditionRule.Type.ABSENT) {
        cond.putNull("threshold");
      } else {
        cond.put("threshold", c.threshold());
      }
      if (c.duration() == 0) {
        cond.putNull("duration");
      } else {
        cond.put("duration", c.duration());
      }
    }
    ObjectNode violations = out.putObject("violations");
    for (Violation v : n.violations()) {
      ArrayNode of = violations.has(v.signal()) ? (ArrayNode) violations.get(v.signal()) : violations.putArray(v.signal());
      ObjectNode entry = of.addObject();
      entry.put("metric", v.metric());
      if (Double.isNaN(v.value())) {
        entry.putNull("value");
      } else {
        entry.put("value", v.value());
      }
      entry.put("recorded_at", v.recordedAt());
      entry.put("condition_violated", v.conditionId());
      entry.put("count", v.count());
      entry.put("begin", v.begin());
      entry.put("end", v.end());
    }
    out.put("triggered_by_user_test", false);
    return out;
  }

  /** A Slack message: a bold first line, one line per violation, the runbook. */
  static String slackText(Notification n) {
    StringBuilder text = new StringBuilder();
    String name = n.rule().name();
    if (n.kind() == Notification.Kind.CLEARED) {
      text.append("*Alert ").append(name).append(" has cleared.* It had triggered at ")
          .append(time(n.triggerTime())).append('.');
      return text.toString();
    }
    text.append("*Alert ").append(name).append(" has triggered!*");
    for (Violation v : n.violations()) {
      ConditionRule c = condition(n.rule(), v.conditionId());
      text.append("\n• `").append(v.signal()).append("`: metric `").append(v.metric()).append('`');
      if (c == null || c.type() == ConditionRule.Type.ABSENT) {
        text.append(" has not reported since ").append(time(v.recordedAt()));
      } else {
        text.append(" was ").append(c.type().wireName()).append(' ').append(number(c.threshold()));
        if (c.duration() > 0) {
          text.append(" for ").append(c.duration()).append(" s");
        }
        text.append(", value ").append(number(v.value())).append(" at ").append(time(v.recordedAt()));
      }
    }
    if (!n.rule().runbookUrl().isEmpty()) {
      text.append("\nRunbook: ").append(n.rule().runbookUrl());
    }
    return text.toString();
  }

  private static ConditionRule condition(AlertRule rule, long id) {
    for (ConditionRule c : rule.conditions()) {
      if (c.id() == id) {
        return c;
      }
    }
    return null;
  }

  private static String time(long epochSeconds) {
    return TIME.format(Instant.ofEpochSecond(epochSeconds));
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
