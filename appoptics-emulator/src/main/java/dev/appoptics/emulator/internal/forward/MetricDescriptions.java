package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import java.util.Optional;

/** Where forwarding looks metrics up: the server's registry, or for an export the metrics listed by the API. */
@FunctionalInterface
public interface MetricDescriptions {
  /** Nothing known about any metric: names are forwarded as sent, with no metadata. */
  MetricDescriptions NONE = name -> Optional.empty();

  Optional<MetricInfo> describe(String name);

  /** Reads the registry at each call, so renamed descriptions and units reach the receiver. */
  static MetricDescriptions of(MetricRegistry registry) {
    return name -> registry.get(name).map(MetricDescriptions::info);
  }

  /** The description of one metric as the registry (or the API's metric JSON) holds it. */
  static MetricInfo info(Metric m) {
    Optional<String> help = m.description().filter(d -> !d.isBlank()).or(() -> m.displayName());
    Object unit = m.attributes().get("display_units_short");
    return new MetricInfo(
        m.name(), help, unit instanceof String u && !u.isBlank() ? Optional.of(u) : Optional.empty());
  }
}
