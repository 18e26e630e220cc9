package dev.appoptics.emulator.internal.http;

import dev.appoptics.emulator.TokenRole;
import java.util.List;
import java.util.Optional;

/**
 * The roles of API tokens and what each may call, after the AppOptics token-role table: {@code admin} may do
 * everything; {@code recorder} records (measurements, annotation events, metrics it creates or updates) and reads
 * everything but API tokens; {@code viewer} reads everything but alerts and API tokens. The table's unreadable cells
 * (metrics, measurements, spaces and the like) follow the roles' descriptions: "record metrics and measurements, may
 * view metric-related data" and "view only".
 */
public enum Role {
  ADMIN,
  RECORDER,
  VIEWER;

  /** The role a token record names ({@code admin}, {@code recorder}, {@code viewer}); empty for anything else. */
  public static Optional<Role> named(String name) {
    return TokenRole.named(name).filter(r -> r.toString().equals(name)).map(Role::of);
  }

  /** The role a configured token was given. */
  public static Role of(TokenRole role) {
    return valueOf(role.name());
  }

  /** Whether a token of this role may send {@code method} to the API path {@code segments} ({@code "", "v1", …}). */
  public boolean permits(String method, List<String> segments) {
    if (this == ADMIN) {
      return true;
    }
    String area = segments.size() > 2 ? segments.get(2) : "";
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (area.equals("api_tokens")) {
      return false;
    }
    if (read) {
      return this == RECORDER || !area.equals("alerts");
    }
    if (this == VIEWER) {
      return false;
    }
    return switch (area) {
      case "measurements" -> method.equals("POST");
      // POST /v1/annotations/:name adds an event to a stream; changing or deleting events is the admin's
      case "annotations" -> method.equals("POST") && segments.size() == 4;
      case "metrics" -> method.equals("PUT") || method.equals("POST");
      default -> false;
    };
  }
}
