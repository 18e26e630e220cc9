package dev.appoptics.emulator.internal.forward;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that forwarding's wire libraries, optional dependencies of the emulator, are on the class path before any
 * class that needs them is loaded, so that asking for forwarding without them fails at start with a message that
 * names the artifacts rather than with a {@link NoClassDefFoundError} at the first request.
 */
public final class WireLibraries {
  static final String PROTOBUF = "com.google.protobuf:protobuf-java:4.36.2";
  static final String SNAPPY = "org.xerial.snappy:snappy-java:1.1.10.8";

  private WireLibraries() {}

  /** Throws {@link IllegalStateException} naming every missing artifact the requested destinations need. */
  public static void require(boolean prometheus, boolean otlp, ClassLoader loader) {
    List<String> missing = new ArrayList<>();
    if ((prometheus || otlp) && !present("com.google.protobuf.CodedOutputStream", loader)) {
      missing.add(PROTOBUF);
    }
    if (prometheus && !present("org.xerial.snappy.Snappy", loader)) {
      missing.add(SNAPPY);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "forwarding to " + (prometheus ? "Prometheus remote-write" : "OTLP") + " needs " + String.join(" and ", missing)
              + " on the class path: they are optional dependencies of appoptics-emulator, so add them to the"
              + " project that embeds it (the appoptics command line and server include them)");
    }
  }

  private static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
