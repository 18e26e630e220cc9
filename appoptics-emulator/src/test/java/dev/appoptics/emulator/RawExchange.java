package dev.appoptics.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes an HTTP client would refuse to send, written straight to a socket, and the answer read back by hand: one
 * HTTP/1.1 answer (status line, headers, a body of its {@code Content-Length} or up to the close).
 */
final class RawExchange {
  private RawExchange() {}

  /** {@code Authorization} header value for {@code token} in the user slot. */
  static String basic(String token) {
    return "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code request} on a new connection to {@code port} and reads one answer (10 s at most). */
  static Answer send(int port, byte[] request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer send(int port, String request) {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** One answer from {@code in}; a connection closed before any byte is an answer with status 0. */
  static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      return new Answer(0, Map.of(), "");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.putIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    String length = headers.get("content-length");
    byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : readToClose(in);
    return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] readToClose(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      in.transferTo(out);
    } catch (SocketTimeoutException e) {
      // an answer without a length on a connection kept open: what arrived is the body
    }
    return out.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\n') {
        return s.toString().endsWith("\r") ? s.substring(0, s.length() - 1) : s.toString();
      }
      s.append((char) c);
    }
    return s.length() == 0 ? null : s.toString();
  }

  /** A status, lower-cased header names and the body as text. */
  record Answer(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return TestHttp.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }
}
