package dev.appoptics.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * A notification service (mail, Slack, PagerDuty, webhook, …) that alerts can notify, as {@link
 * AppOptics#listServices()} reports it. Immutable.
 */
public final class Service {
  private final long id;
  private final String type;
  private final String title;
  private final Map<String, String> settings;

  private Service(long id, String type, String title, Map<String, String> settings) {
    this.id = id;
    this.type = Check.notNull("service.type", type);
    this.title = Check.notNull("service.title", title);
    this.settings = Map.copyOf(Check.notNull("service.settings", settings));
  }

  /** A service value, for instance to refer to a known service in tests. */
  public static Service of(long id, String type, String title, Map<String, String> settings) {
    return new Service(id, type, title, settings);
  }

  /** The id alerts refer to. */
  public long id() {
    return id;
  }

  /** The kind, such as {@code mail}, {@code slack} or {@code pagerduty}. */
  public String type() {
    return type;
  }

  /** The title. */
  public String title() {
    return title;
  }

  /** The type's settings, as stored. */
  public Map<String, String> settings() {
    return settings;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Service s
        && id == s.id
        && type.equals(s.type)
        && title.equals(s.title)
        && settings.equals(s.settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, type, title, settings);
  }

  @Override
  public String toString() {
    // Settings hold credentials (webhook URLs, API keys): keep their values out of logs.
    return "Service{id=" + id + ", type=" + type + ", title=" + title + ", settings=" + settings.keySet() + "}";
  }
}
