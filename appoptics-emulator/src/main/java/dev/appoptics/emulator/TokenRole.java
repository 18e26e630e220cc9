package dev.appoptics.emulator;

import java.util.Locale;
import java.util.Optional;

/**
 * What a configured token may do, as the API-token roles of AppOptics: {@code ADMIN} everything; {@code RECORDER}
 * records measurements and annotation events and reads all but API tokens; {@code VIEWER} reads all but alerts and API
 * tokens. A call outside the role is answered 403.
 */
public enum TokenRole {
  ADMIN,
  RECORDER,
  VIEWER;

  /** The role named {@code admin}, {@code recorder} or {@code viewer} (any case); empty for anything else. */
  public static Optional<TokenRole> named(String name) {
    for (TokenRole r : values()) {
      if (r.name().equalsIgnoreCase(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Its name as the API writes it: {@code admin}, {@code recorder}, {@code viewer}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
