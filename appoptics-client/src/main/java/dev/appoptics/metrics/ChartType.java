package dev.appoptics.metrics;

/** How a chart draws its streams. */
public enum ChartType {
  /** Lines, one per stream (the default). */
  LINE("line"),
  /** Stacked areas. */
  STACKED("stacked"),
  /** One big number: the latest or summarized value of the first stream. */
  BIGNUMBER("bignumber");

  private final String wireName;

  ChartType(String wireName) {
    this.wireName = wireName;
  }

  /** The name the API uses. */
  public String wireName() {
    return wireName;
  }

  static ChartType fromWire(String name) {
    return ResourceJson.wireEnum(values(), ChartType::wireName, "chart type", name);
  }
}
