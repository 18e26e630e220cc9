package dev.appoptics.emulator.internal.alerting;

import dev.appoptics.emulator.internal.store.Wildcards;
import java.util.List;

/**
 * One tag filter of a condition: the series must carry tag {@code name} with a value matching one of {@code values}
 * ({@code *} wildcards, case ignored; no values matches any value). {@code grouped} merges the matching values into
 * one signal instead of evaluating each on its own.
 */
record ConditionTag(String name, List<String> values, boolean grouped) {
  ConditionTag {
    values = List.copyOf(values);
  }

  boolean accepts(String value) {
    if (values.isEmpty()) {
      return true;
    }
    for (String pattern : values) {
      if (Wildcards.matches(pattern, value)) {
        return true;
      }
    }
    return false;
  }
}
