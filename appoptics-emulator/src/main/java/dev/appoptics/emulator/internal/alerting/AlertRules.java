package dev.appoptics.emulator.internal.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.internal.store.SummaryFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an alert as the alert resource stores it (the validated fields of its last create or update) into an {@link
 * AlertRule}. The fields are already checked, so this only maps them.
 */
public final class AlertRules {
  private AlertRules() {}

  /**
   * The rule for alert {@code id}: {@code fields} holds {@code name}, {@code conditions}, {@code attributes}, {@code
   * active}, {@code rearm_seconds} and {@code rearm_per_signal} as the API shows them.
   */
  public static AlertRule from(long id, long updatedAt, JsonNode fields, List<Long> serviceIds) {
    List<ConditionRule> conditions = new ArrayList<>();
    for (JsonNode c : fields.path("conditions")) {
      conditions.add(condition(c));
    }
    JsonNode runbook = fields.path("attributes").path("runbook_url");
    return new AlertRule(
        id,
        fields.path("name").asText(),
        runbook.isValueNode() && !runbook.isNull() ? runbook.asText() : "",
        fields.path("active").asBoolean(true),
        fields.path("rearm_seconds").asLong(600),
        fields.path("rearm_per_signal").asBoolean(false),
        conditions,
        serviceIds,
        updatedAt);
  }

  private static ConditionRule condition(JsonNode c) {
    ConditionRule.Type type = ConditionRule.Type.valueOf(c.path("type").asText().toUpperCase(Locale.ROOT));
    SummaryFunction summary =
        SummaryFunction.parse(c.path("summary_function").asText("average")).orElse(SummaryFunction.MEAN);
    List<ConditionTag> tags = new ArrayList<>();
    for (JsonNode t : c.path("tags")) {
      List<String> values = new ArrayList<>();
      t.path("values").forEach(v -> values.add(v.asText()));
      tags.add(new ConditionTag(t.path("name").asText().toLowerCase(Locale.ROOT), values, t.path("grouped").asBoolean()));
    }
    return new ConditionRule(
        c.path("id").asLong(),
        type,
        c.path("metric_name").asText(),
        c.path("threshold").asDouble(0),
        c.path("duration").asLong(0),
        summary,
        // Unset means on: the API's default since 2020.
        c.path("detect_reset").asBoolean(true),
        tags);
  }
}
