package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireLibrariesTest {
  /** Sees only the JDK, as an application that did not add the optional dependencies. */
  private static final ClassLoader WITHOUT = new ClassLoader(null) {};

  @Test
  void prometheusWithoutTheLibrariesNamesBothArtifacts() {
    assertThatThrownBy(() -> WireLibraries.require(true, false, WITHOUT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("com.google.protobuf:protobuf-java:4.36.2")
        .hasMessageContaining("org.xerial.snappy:snappy-java:1.1.10.8")
        .hasMessageContaining("optional dependencies of appoptics-emulator");
  }

  @Test
  void otlpNeedsOnlyProtobuf() {
    assertThatThrownBy(() -> WireLibraries.require(false, true, WITHOUT))
        .hasMessageContaining("protobuf-java").hasMessageNotContaining("snappy");
    assertThatCode(() -> WireLibraries.require(true, true, WireLibrariesTest.class.getClassLoader()))
        .doesNotThrowAnyException();
  }
}
