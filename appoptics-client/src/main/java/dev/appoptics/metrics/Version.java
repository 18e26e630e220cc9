package dev.appoptics.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library version (from a build-time resource) and the default User-Agent built from it. */
final class Version {
  static final String VERSION = load();

  private Version() {}

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException ignored) {
      // fall through to the manifest
    }
    String manifest = Version.class.getPackage().getImplementationVersion();
    return manifest == null ? "unknown" : manifest;
  }

  /** {@code appoptics-java/<version> (java; <java.version>; <os.arch>-<os.name>)}. */
  static String userAgent() {
    return "appoptics-java/" + VERSION + " (java; " + System.getProperty("java.version") + "; "
        + System.getProperty("os.arch") + "-" + System.getProperty("os.name") + ")";
  }
}
