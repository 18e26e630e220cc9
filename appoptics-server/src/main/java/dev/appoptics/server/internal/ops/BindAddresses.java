package dev.appoptics.server.internal.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether an address to listen on is reachable from this host only. */
public final class BindAddresses {
  private BindAddresses() {}

  /**
   * True for loopback addresses ({@code 127.0.0.0/8}, {@code ::1}) and names resolving to one, such as
   * {@code localhost}; false for the wildcard ({@code 0.0.0.0}, {@code ::}) and every other address.
   */
  public static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false; // cannot listen there anyway; the server start names the address
    }
  }
}
