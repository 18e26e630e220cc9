package dev.appoptics.server;

/**
 * The server was configured in a way it refuses to start with: listening beyond this host with no token, a tokens
 * file that cannot be read or has a malformed line. The message names the setting and says what to do instead.
 */
public final class ServerConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ServerConfigurationException(String message) {
    super(message);
  }
}
