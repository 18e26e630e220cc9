package dev.appoptics.emulator.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer: status, headers and body bytes. Immutable; {@link #withHeader} returns a copy. */
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

  private ApiResponse(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
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
    return new ApiResponse(status, Map.copyOf(copy), body);
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
