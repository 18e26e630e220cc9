package dev.appoptics.emulator.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a handler sees it: method, decoded path segments, captured path parameters, query parameters (a
 * {@code name[]} parameter is also found under {@code name}), lower-cased header names, the body already inflated
 * when it was gzip-encoded, the authenticated token and the emulator's clock reading for this request.
 */
public final class ApiRequest {
  /**
   * How deep a resource body may nest. Answers wrap what was stored in a few more levels and JSON writers refuse
   * documents nested beyond 1000, so the bound keeps everything accepted answerable (real bodies nest under ten).
   */
  public static final int MAX_BODY_DEPTH = 64;

  private static final ObjectMapper BODIES = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_BODY_DEPTH).build())
          .build())
      .build();

  private final String method;
  private final String rawPath;
  private final List<String> segments;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final byte[] body;
  private final String token;
  private final long now;

  public ApiRequest(
      String method,
      String rawPath,
      List<String> segments,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body,
      String token,
      long now) {
    this.method = method;
    this.rawPath = rawPath;
    this.segments = List.copyOf(segments);
    this.pathParams = Map.copyOf(pathParams);
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.token = token;
    this.now = now;
  }

  /** The same request with the parameters of the matched route. */
  public ApiRequest withPathParams(Map<String, String> params) {
    return new ApiRequest(method, rawPath, segments, params, query, headers, body, token, now);
  }

  public String method() {
    return method;
  }

  /** The path as sent, before decoding, with the query string (for {@code links} and logs). */
  public String rawPath() {
    return rawPath;
  }

  public List<String> segments() {
    return segments;
  }

  /** A captured path segment, decoded. */
  public String path(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalArgumentException("route has no parameter " + name);
    }
    return v;
  }

  /** A captured numeric id; anything else is an unknown resource (404), as the service answers. */
  public long pathId(String name) {
    String v = path(name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.notFound("Not found: " + v);
    }
  }

  public Map<String, List<String>> queryParams() {
    return query;
  }

  /** The first value of a query parameter ({@code name} or {@code name[]}). */
  public Optional<String> query(String name) {
    List<String> values = queryAll(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a query parameter, under {@code name} and {@code name[]}. */
  public List<String> queryAll(String name) {
    List<String> plain = query.getOrDefault(name, List.of());
    List<String> brackets = query.getOrDefault(name + "[]", List.of());
    if (brackets.isEmpty()) {
      return plain;
    }
    if (plain.isEmpty()) {
      return brackets;
    }
    return java.util.stream.Stream.concat(plain.stream(), brackets.stream()).toList();
  }

  /**
   * A query parameter as a long ({@code 60} or {@code 60.0}); a non-numeric value, or a whole number outside the
   * range of a long, is a 400 naming the parameter, never clamped.
   */
  public Optional<Long> queryLong(String name) {
    Optional<String> v = query(name);
    if (v.isEmpty() || v.get().isEmpty()) {
      return Optional.empty();
    }
    String text = v.get().trim();
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      double d;
      try {
        d = Double.parseDouble(text);
      } catch (NumberFormatException notANumber) {
        throw ApiError.params(name, "is not a number: " + text);
      }
      // 2^63 is the first double past a long; (long) d would clamp anything beyond it
      if (d != Math.rint(d) || !(Math.abs(d) < 0x1p63)) {
        throw ApiError.params(name, "is not a whole number in range: " + text);
      }
      return Optional.of((long) d);
    }
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public byte[] body() {
    return body;
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  /**
   * The body as a JSON tree. Malformed JSON is a 400; an empty body reads as an empty object, so handlers report
   * the missing fields by name.
   */
  public JsonNode json() {
    if (body.length == 0) {
      return ApiResponse.JSON.createObjectNode();
    }
    try (JsonParser parser = BODIES.createParser(body)) {
      try {
        JsonNode node = BODIES.readTree(parser);
        return node == null ? ApiResponse.JSON.createObjectNode() : node;
      } catch (StreamConstraintsException e) {
        JsonLocation at = parser.currentLocation();
        throw ApiError.request(400, "Request body nests deeper than " + MAX_BODY_DEPTH + " levels at line "
            + at.getLineNr() + ", column " + at.getColumnNr());
      }
    } catch (JsonProcessingException e) {
      throw ApiError.request(400, "Unable to parse request body as JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.request(400, "Unable to read request body");
    }
  }

  public String token() {
    return token;
  }

  /** Epoch seconds at which the emulator received this request (its clock may be fixed in tests). */
  public long now() {
    return now;
  }
}
