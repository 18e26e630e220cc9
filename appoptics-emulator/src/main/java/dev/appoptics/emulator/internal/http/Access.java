package dev.appoptics.emulator.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;

/**
 * Who may call the API. A token given in the configuration may do what its role allows (by default everything). A
 * token made through
 * {@code /v1/api_tokens} authenticates while it is active, with its role ({@link Role}). Any other token is accepted
 * only when the configuration says so ({@code anyToken}: the emulator's default when it was given no tokens).
 * Missing or refused credentials are a 401, a role that does not cover the call a 403. Thread-safe: the configured
 * tokens may be replaced while requests are answered (a reloaded tokens file).
 */
public final class Access {
  private final boolean anyToken;
  private volatile Map<String, Role> tokens;
  private volatile TokenDirectory directory = TokenDirectory.EMPTY;

  public Access(Map<String, Role> tokens, boolean anyToken) {
    this.tokens = Map.copyOf(tokens);
    this.anyToken = anyToken;
  }

  /** Replaces the configured tokens and their roles, effective from the next request. */
  public void setTokens(Map<String, Role> tokens) {
    this.tokens = Map.copyOf(tokens);
  }

  public Map<String, Role> tokens() {
    return tokens;
  }

  /** Whether a token neither configured nor made through the API is accepted. */
  public boolean acceptsAnyToken() {
    return anyToken;
  }

  /** Where tokens made through the API are looked up. */
  public void setDirectory(TokenDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Lets the call through or refuses it: 401 for a missing, unknown or inactive token, 403 for a role that does not
   * cover {@code method} on {@code segments}.
   */
  void check(String token, String method, List<String> segments) {
    Optional<Role> role = authenticate(token, method);
    if (role.isPresent() && !role.get().permits(method, segments)) {
      throw ApiError.request(403, "This token is not permitted to perform this action on this resource");
    }
  }

  /**
   * Lets a call to an admin route through or refuses it: 401 as for the API, 403 for a token made through the API
   * with a role other than admin.
   */
  void checkAdmin(String token, String method) {
    Optional<Role> role = authenticate(token, method);
    if (role.isPresent() && role.get() != Role.ADMIN) {
      throw ApiError.request(403, "Only an admin token may call this; this token's role is "
          + role.get().name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * The role of a token, empty for one that may do everything (a configured admin token, or any token when those are
   * accepted); 401 for a missing, unknown or inactive token.
   */
  private Optional<Role> authenticate(String token, String method) {
    if (token == null) {
      throw unauthorized(method);
    }
    Role configured = tokens.get(token);
    if (configured != null) {
      return configured == Role.ADMIN ? Optional.empty() : Optional.of(configured);
    }
    Optional<TokenDirectory.Grant> grant = directory.find(token);
    if (grant.isEmpty()) {
      if (anyToken) {
        return Optional.empty();
      }
      throw unauthorized(method);
    }
    if (!grant.get().active()) {
      throw unauthorized(method);
    }
    return Optional.of(grant.get().role());
  }

  /** The two 401 shapes the service answers: JSON on reads, plain text on posts. */
  private static ApiError unauthorized(String method) {
    return method.equals("POST")
        ? ApiError.text(401, "Credentials are required to access this resource.")
        : ApiError.request(401, "Authorization Required");
  }
}
