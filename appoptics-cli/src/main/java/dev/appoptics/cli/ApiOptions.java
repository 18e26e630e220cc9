package dev.appoptics.cli;

import dev.appoptics.metrics.AppOptics;
import picocli.CommandLine.Option;

/** The options every command that talks to the API shares: which server, and which token. */
final class ApiOptions {
  static final String DEFAULT_ENDPOINT = "https://api.appoptics.com/v1/";

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "API token (default: the APPOPTICS_TOKEN environment variable).")
  String token;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      defaultValue = DEFAULT_ENDPOINT,
      description = "API root, e.g. http://127.0.0.1:8080/v1/ for the emulator (default: ${DEFAULT-VALUE}).")
  String endpoint;

  /** Opens a connection; a missing token is a usage error that says where a token comes from. */
  AppOptics connect(Cli cli) {
    return AppOptics.builder().token(token(cli, token)).baseUri(endpoint).build();
  }

  /** {@code given}, or else the token in the environment; neither is a usage error saying where one comes from. */
  static String token(Cli cli, String given) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    return cli.env(AppOptics.TOKEN_ENV)
        .orElseThrow(() -> CliFailure.usage("no API token", "pass --token or set " + AppOptics.TOKEN_ENV));
  }
}
