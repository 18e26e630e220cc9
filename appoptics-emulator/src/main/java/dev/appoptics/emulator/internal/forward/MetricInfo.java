package dev.appoptics.emulator.internal.forward;

import java.util.Optional;

/**
 * What forwarding tells a receiver about a metric besides its points: the name as the registry spells it, and the
 * help text and unit that become remote-write metadata and OTLP descriptions.
 *
 * @param name the AppOptics metric name, as first written
 * @param help the description, else the display name, when the metric has either
 * @param unit the {@code display_units_short} attribute, when set
 */
public record MetricInfo(String name, Optional<String> help, Optional<String> unit) {}
