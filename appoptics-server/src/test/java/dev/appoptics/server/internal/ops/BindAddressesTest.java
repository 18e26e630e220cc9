package dev.appoptics.server.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindAddressesTest {
  @Test
  void loopbackAddressesAndLocalhostAreLoopback() {
    assertThat(BindAddresses.isLoopback("127.0.0.1")).isTrue();
    assertThat(BindAddresses.isLoopback("127.1.2.3")).isTrue();
    assertThat(BindAddresses.isLoopback("::1")).isTrue();
    assertThat(BindAddresses.isLoopback("localhost")).isTrue();
  }

  @Test
  void wildcardsAndOtherAddressesAreNot() {
    assertThat(BindAddresses.isLoopback("0.0.0.0")).isFalse();
    assertThat(BindAddresses.isLoopback("::")).isFalse();
    assertThat(BindAddresses.isLoopback("192.0.2.10")).isFalse();
  }
}
