package dev.appoptics.emulator.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer: status, headers, body bytes, and what to do once it is sent. Immutable; {@link #withHeader} and {@link
 * #whenSent} return a copy.
 */
public final class ApiResponse {
  static final ObjectMapper JSON = new ObjectMapper();
  public static final String JSON_TYPE = "application/json;charset=utf-8";

  /** The shared Jackson mapper (thread-safe) for modules that read or write JSON themselves. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final Runnable sent;

  private ApiResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, () -> {});
  }

  private ApiResponse(int status, Map<String, String> headers, byte[] body, Runnable sent) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.sent = sent;
  }

  /** A JSON answer; {@code body} is a Jackson tree or anything Jackson can write (maps, lists, records). */
  public static ApiResponse json(int status, Object body) {
    try {
      return new ApiResponse(status, Map.of("Content-Type", JSON_TYPE), JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write answer body", e);
    }
  }

  /** A JSON answer whose bytes are already encoded. */
  public static ApiResponse rawJson(int status, byte[] body) {
    return new ApiResponse(status, Map.of("Content-Type", JSON_TYPE), body);
  }

  /** Any other body: a file of the web console. */
  public static ApiResponse bytes(int status, String contentType, byte[] body) {
    return new ApiResponse(status, Map.of("Content-Type", contentType), body);
  }

  public static ApiResponse text(int status, String body) {
    return new ApiResponse(
        status, Map.of("Content-Type", "text/plain;charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
  }

  /** No body: 204 for most updates and deletes. */
  public static ApiResponse empty(int status) {
    return new ApiResponse(status, Map.of(), new byte[0]);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, Map.copyOf(copy), body, sent);
  }

  /**
   * A copy that runs {@code action} once the front has sent it, or failed to (the client went away): for a handler
   * that holds something back until its answer is out, such as writes while a snapshot is taken.
   */
  public ApiResponse whenSent(Runnable action) {
    return new ApiResponse(status, headers, body, action);
  }

  /** Runs what {@link #whenSent} asked for; the front calls it once. */
  public void sent() {
    sent.run();
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
