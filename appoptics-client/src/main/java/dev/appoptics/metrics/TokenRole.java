package dev.appoptics.metrics;

/** What an {@link ApiToken} may do. */
public enum TokenRole {
  /** Full access: read and change everything, tokens included. */
  ADMIN("admin"),
  /** Record only: submit measurements and view metric-related data. */
  RECORDER("recorder"),
  /** View only: read, never change. */
  VIEWER("viewer");

  private final String wireName;

  TokenRole(String wireName) {
    this.wireName = wireName;
  }

  /** The name the API uses. */
  public String wireName() {
    return wireName;
  }

  static TokenRole fromWire(String name) {
    return ResourceJson.wireEnum(values(), TokenRole::wireName, "token role", name);
  }
}
