package dev.appoptics.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@link HostileInputTest}: a request written byte for byte (so no HTTP client can tidy it up), the
 * status it must get, and words its error message must contain. Build rows with the factories and the fluent
 * methods, e.g. {@code post("/v1/measurements", "{").expect(400, "JSON")}.
 */
final class HostileCase {
  static final String TOKEN = "good";

  private final String name;
  private String method;
  private String target;
  private final List<String> headers = new ArrayList<>();
  private byte[] body = new byte[0];
  private boolean contentLength = true;
  private String authorization = RawExchange.basic(TOKEN);
  private byte[] raw;
  private int status;
  private String[] mentions = new String[0];
  private boolean plainText;

  private HostileCase(String name) {
    this.name = name;
  }

  /** A request with a good token; {@code name} says what is wrong with it. */
  static HostileCase request(String name, String method, String target) {
    HostileCase c = new HostileCase(name);
    c.method = method;
    c.target = target;
    return c;
  }

  /** A JSON body POSTed to {@code target}; the row is named after the body. */
  static HostileCase post(String target, String json) {
    return request(target + " " + shorten(json), "POST", target).json(json);
  }

  static HostileCase put(String target, String json) {
    return request("PUT " + target + " " + shorten(json), "PUT", target).json(json);
  }

  static HostileCase get(String target) {
    return request("GET " + shorten(target), "GET", target);
  }

  /** Exactly these bytes on a new connection. */
  static HostileCase raw(String name, String bytes) {
    HostileCase c = new HostileCase(name);
    c.raw = bytes.getBytes(StandardCharsets.ISO_8859_1);
    return c;
  }

  HostileCase json(String json) {
    return header("Content-Type", "application/json").body(json.getBytes(StandardCharsets.UTF_8));
  }

  HostileCase body(byte[] bytes) {
    this.body = bytes;
    return this;
  }

  HostileCase header(String name, String value) {
    headers.add(name + ": " + value);
    return this;
  }

  /** Sends no {@code Content-Length} (set one with {@link #header} to lie about the length). */
  HostileCase noContentLength() {
    this.contentLength = false;
    return this;
  }

  /** Replaces the good token's {@code Authorization} header; null sends none. */
  HostileCase authorization(String value) {
    this.authorization = value;
    return this;
  }

  /** The status the emulator must answer with, and words its error message must contain. */
  HostileCase expect(int status, String... mentions) {
    this.status = status;
    this.mentions = mentions;
    return this;
  }

  /** The answer is the API's {@code text/plain} 401 of a POST, not JSON. */
  HostileCase plainText() {
    this.plainText = true;
    return this;
  }

  int status() {
    return status;
  }

  String[] mentions() {
    return mentions;
  }

  boolean isPlainText() {
    return plainText;
  }

  byte[] bytes() {
    if (raw != null) {
      return raw;
    }
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: hostile\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    headers.forEach(h -> head.append(h).append("\r\n"));
    if (contentLength && (body.length > 0 || method.equals("POST") || method.equals("PUT"))) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static String shorten(String s) {
    String oneLine = s.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() <= 70 ? oneLine : oneLine.substring(0, 70) + "…(" + s.length() + " chars)";
  }

  @Override
  public String toString() {
    return name;
  }
}
