package dev.appoptics.emulator.internal.http;

import java.util.Optional;

/** The API tokens made through {@code /v1/api_tokens}, looked up by their secret on every request. Thread-safe. */
public interface TokenDirectory {
  TokenDirectory EMPTY = token -> Optional.empty();

  /** What the token made through the API may do; empty when no such token was made. */
  Optional<Grant> find(String token);

  /** A made token's standing: an inactive one authenticates nothing. */
  record Grant(boolean active, Role role) {}
}
