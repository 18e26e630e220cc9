package dev.appoptics.emulator;

import java.util.Map;
import java.util.Objects;

/**
 * A notification service the emulator knows from its start, as {@code GET /v1/services} lists it. The API has no
 * public way to create services for alerts to use in tests, so they come from configuration.
 *
 * @param type the service type, e.g. {@code mail}, {@code slack}, {@code webhook}
 * @param title the title shown in lists
 * @param settings the type's settings, stored as given
 */
public record ServiceSeed(String type, String title, Map<String, String> settings) {
  public ServiceSeed {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    settings = Map.copyOf(Objects.requireNonNull(settings, "settings"));
  }
}
