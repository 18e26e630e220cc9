package dev.appoptics.metrics;

/** What an alert {@link Condition} watches for. */
public enum ConditionType {
  /** The value rises above the threshold. */
  ABOVE("above"),
  /** The value falls below the threshold. */
  BELOW("below"),
  /** The metric stops reporting for the condition's duration. */
  ABSENT("absent");

  private final String wireName;

  ConditionType(String wireName) {
    this.wireName = wireName;
  }

  /** The name the API uses. */
  public String wireName() {
    return wireName;
  }

  static ConditionType fromWire(String name) {
    return ResourceJson.wireEnum(values(), ConditionType::wireName, "condition type", name);
  }
}
