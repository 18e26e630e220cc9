package dev.appoptics.emulator;

import static dev.appoptics.emulator.HostileCase.get;
import static dev.appoptics.emulator.HostileCase.post;
import static dev.appoptics.emulator.HostileCase.put;
import static dev.appoptics.emulator.HostileCase.raw;
import static dev.appoptics.emulator.HostileCase.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The rows of {@link HostileInputTest}, in groups. To add a case, add a row to the group it belongs to (or a new
 * group to {@link #all}): {@code post(MEASUREMENTS, "{…}").expect(400, "count")}. Rows need no other setup: the
 * emulator accepts only {@link HostileCase#TOKEN} and bodies up to {@link #MAX_BODY_BYTES}.
 */
final class HostileCases {
  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final String MEASUREMENTS = "/v1/measurements";
  private static final String TAGS = "\"tags\":{\"host\":\"a\"}";
  private static final String GOOD = "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1}]}";
  private static final String AUTH = "\r\nAuthorization: " + RawExchange.basic(HostileCase.TOKEN);

  private HostileCases() {}

  static List<HostileCase> all() {
    List<HostileCase> all = new ArrayList<>();
    all.addAll(malformedJson());
    all.addAll(wrongTypes());
    all.addAll(otherResources());
    all.addAll(hugeAndNested());
    all.addAll(countsAndDepth());
    all.addAll(pathsAndIds());
    all.addAll(paging());
    all.addAll(authentication());
    all.addAll(encodingsAndLengths());
    all.addAll(wire());
    return all;
  }

  /** Bodies that are not one strict JSON object. */
  static List<HostileCase> malformedJson() {
    List<HostileCase> rows = new ArrayList<>();
    for (String body : List.of("", " ", "{", "}", "[", "[]", "null", "42", "\"text\"", "true", "not json", "nul",
        "{\"a\"}", "{\"a\":}", "{,}", "{\"a\":1,}", "{\"measurements\":[,]}", "{\"measurements\":[1,]}",
        "{'measurements':[]}", "// comment\n" + GOOD, "/* c */" + GOOD, GOOD + " trailing", GOOD + GOOD,
        "{\"measurements\":[{\"name\":\"m\",\"value\":NaN}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":Infinity}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":-Infinity}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":01}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":+1}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":.5}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":1.}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":1e}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":0x10}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":1e999999}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m,\"value\":1}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\\x\",\"value\":1}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\\u12\",\"value\":1}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\u0001\",\"value\":1}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"m\\u0000\",\"value\":1}]," + TAGS + "}",
        "{\"measurements\":[{\"name\":\"\\ud800\",\"value\":1}]," + TAGS + "}")) {
      rows.add(post(MEASUREMENTS, body).expect(400));
    }
    rows.add(request("invalid UTF-8 bytes", "POST", MEASUREMENTS).header("Content-Type", "application/json")
        .body(bytes("{\"measurements\":[{\"name\":\"m", 0xff, 0xfe, "\",\"value\":1}]," + TAGS + "}")).expect(400));
    rows.add(request("overlong UTF-8 encoding", "POST", MEASUREMENTS).header("Content-Type", "application/json")
        .body(bytes("{\"measurements\":[{\"name\":\"m", 0xc0, 0xaf, "\",\"value\":1}]," + TAGS + "}")).expect(400));
    return rows;
  }

  /** Every field of a measurement payload with a value of the wrong type or out of range. */
  static List<HostileCase> wrongTypes() {
    List<HostileCase> rows = new ArrayList<>();
    for (String payload : List.of(
        "{\"measurements\":{}}", "{\"measurements\":\"cpu\"}", "{\"measurements\":null}", "{\"measurements\":7}",
        "{\"measurements\":[1,2]}", "{\"measurements\":[null]}", "{\"measurements\":[[]]}",
        "{\"tags\":[],\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"tags\":\"host=a\",\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"tags\":{\"a\":{\"b\":1}},\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"tags\":{\"a\":[\"b\"]},\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"tags\":{\"a\":null},\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"tags\":{\"\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"tags\":{\"a\":\"\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"tags\":{\"a b\":\"c\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"time\":\"now\"," + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"period\":\"60\"," + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":5,\"value\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":[\"m\"],\"value\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":null,\"value\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"\",\"value\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"bad name\",\"value\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"" + "m".repeat(256) + "\",\"value\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"value\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\"}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":\"1\"}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":true}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":null}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":[1]}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":{\"x\":1}}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"time\":\"now\"}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"time\":-5}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"time\":true}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"time\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"time\":99999999999}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"period\":0}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"period\":-60}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"period\":\"x\"}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"period\":604801}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"tags\":[]}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"attributes\":[]}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"attributes\":\"x\"}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"sum\":\"3\",\"count\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"sum\":3}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"count\":2}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"sum\":3,\"count\":-1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"sum\":3,\"count\":1.5}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1,\"sum\":3,\"count\":1}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"sum\":3,\"count\":1,\"min\":\"0\"}]}",
        "{" + TAGS + ",\"measurements\":[{\"name\":\"m\",\"value\":1},{\"name\":\"m\",\"value\":\"bad\"}]}")) {
      rows.add(post(MEASUREMENTS, payload).expect(400));
    }
    StringBuilder tooManyTags = new StringBuilder("{\"tags\":{");
    for (int i = 0; i < 51; i++) {
      tooManyTags.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":\"v\"");
    }
    rows.add(post(MEASUREMENTS, tooManyTags + "},\"measurements\":[{\"name\":\"m\",\"value\":1}]}").expect(400));
    rows.add(post(MEASUREMENTS, "{\"measurements\":[]}").expect(400, "at least 1 measurement"));
    return rows;
  }

  /** Malformed and mistyped bodies for the resource endpoints. */
  static List<HostileCase> otherResources() {
    List<HostileCase> rows = new ArrayList<>();
    for (String body : List.of("{", "[1]", "\"text\"", "{\"type\":5}", "{\"attributes\":[]}", "{\"period\":\"x\"}",
        "{\"type\":\"composite\"}", "{\"display_name\":{}}")) {
      rows.add(put("/v1/metrics/seed.metric", body).expect(400));
    }
    rows.add(put("/v1/metrics/bad%20name", "{}").expect(400));
    rows.add(put("/v1/metrics", "{").expect(400));
    rows.add(put("/v1/metrics", "{\"names\":5}").expect(400));
    rows.add(post("/v1/spaces", "{").expect(400));
    rows.add(post("/v1/spaces", "{\"name\":5}").expect(400, "name"));
    rows.add(post("/v1/spaces", "{}").expect(400, "name"));
    rows.add(post("/v1/annotations/seed.stream", "{").expect(400));
    rows.add(post("/v1/annotations/seed.stream", "{\"title\":[]}").expect(400, "title"));
    rows.add(post("/v1/alerts", "{").expect(400));
    rows.add(post("/v1/alerts", "{\"name\":\"a\",\"conditions\":\"x\"}").expect(400));
    rows.add(post("/v1/services", "{\"type\":\"carrier-pigeon\",\"title\":\"t\",\"settings\":{}}").expect(400));
    return rows;
  }

  /** Bodies over the limit, before or after inflating, and nesting far past any sane depth. */
  static List<HostileCase> hugeAndNested() {
    List<HostileCase> rows = new ArrayList<>();
    byte[] huge = new byte[MAX_BODY_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');
    rows.add(request("body one byte over the limit", "POST", MEASUREMENTS).header("Content-Type", "application/json")
        .body(huge).expect(413, String.valueOf(MAX_BODY_BYTES)));
    rows.add(request("chunked body over the limit", "POST", MEASUREMENTS).header("Content-Type", "application/json")
        .header("Transfer-Encoding", "chunked").noContentLength().body(chunked(huge))
        .expect(413, String.valueOf(MAX_BODY_BYTES)));
    rows.add(request("gzip bomb: 64 MiB of zeros in 64 KB", "POST", MEASUREMENTS)
        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
        .body(gzip(new byte[64 * 1024 * 1024])).expect(413, String.valueOf(MAX_BODY_BYTES)));
    rows.add(post(MEASUREMENTS, "[".repeat(100_000)).expect(400));
    rows.add(post(MEASUREMENTS, "{\"measurements\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}").expect(400));
    rows.add(post(MEASUREMENTS, "{\"tags\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}")
        .expect(400));
    rows.add(put("/v1/metrics/seed.metric", "{\"attributes\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")
        .expect(400));
    rows.add(post("/v1/spaces", "{\"name\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001)).expect(400));
    rows.add(post(MEASUREMENTS, "{" + TAGS + ",\"measurements\":[{\"name\":\"" + "m".repeat(500_000)
        + "\",\"value\":1}]}").expect(400));
    return rows;
  }

  /**
   * Counts a roll-up bucket cannot hold exactly, written onto the seed series, and expressions and bodies nested
   * past their parsers' bounds.
   */
  static List<HostileCase> countsAndDepth() {
    List<HostileCase> rows = new ArrayList<>();
    for (String count : List.of("1e20", "9e18", "9000000000000000000", "2147483648", "0", "-0", "1e-5")) {
      rows.add(post(MEASUREMENTS, "{" + TAGS + ",\"measurements\":[{\"name\":\"seed.metric\",\"sum\":1,\"count\":"
          + count + "}]}").expect(400, "count", "2147483647"));
    }
    String deepAttributes = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    rows.add(post(MEASUREMENTS, "{" + TAGS + ",\"measurements\":[{\"name\":\"new.metric\",\"value\":1,"
        + "\"attributes\":{\"x\":" + deepAttributes + "}}]}").expect(400, "attributes", "32"));
    rows.add(put("/v1/metrics/seed.metric", "{\"attributes\":{\"x\":" + deepAttributes + "}}")
        .expect(400, "attributes", "32"));
    rows.add(post("/v1/spaces", "{\"name\":\"s\",\"x\":" + "[".repeat(65) + "]".repeat(65) + "}")
        .expect(400, "64 levels"));
    rows.add(get("/v1/measurements/seed.metric?resolution=60&duration=600&tags_search="
        + "%28".repeat(150) + "host%3Dh0" + "%29".repeat(150)).expect(400, "tags_search", "100 levels"));
    rows.add(get("/v1/measurements/seed.metric?resolution=60&duration=600&tags_search="
        + "not%20".repeat(150) + "host%3Dh0").expect(400, "tags_search", "100 levels"));
    rows.add(get("/v1/measurements?resolution=60&duration=600&start_time=1&compose="
        + "sum%28".repeat(120) + "s%28%22seed.metric%22%2C%22%2A%22%29" + "%29".repeat(120))
        .expect(400, "compose", "100 levels"));
    rows.add(put("/v1/metrics/deep.composite", "{\"type\":\"composite\",\"composite\":\""
        + "sum(".repeat(2_000) + "s(\\\"seed.metric\\\", \\\"*\\\")" + ")".repeat(2_000) + "\"}")
        .expect(400, "composite", "100 levels"));
    return rows;
  }

  /** Paths that match nothing, ids that are not ids, escapes that do not decode. */
  static List<HostileCase> pathsAndIds() {
    List<HostileCase> rows = new ArrayList<>();
    for (String path : List.of("/v1/spaces/abc", "/v1/spaces/99999999999999999999", "/v1/spaces/-1",
        "/v1/spaces/1.5", "/v1/spaces/0", "/v1/alerts/abc", "/v1/services/%20", "/v1//metrics", "/V1/metrics",
        "/v1/nothing/here", "/v1", "/favicon.ico", "/v1/metrics/no.such.metric", "/v1/spaces/1/charts/x",
        "/v1/measurements/no.such.metric?resolution=60&duration=600", "/health/more")) {
      rows.add(get(path).expect(404));
    }
    rows.add(get("/v1/metrics/%zz").expect(400, "percent-encoding"));
    rows.add(get("/v1/metrics/m%").expect(400, "percent-encoding"));
    rows.add(get("/v1/metrics/%e9t%e9").expect(400, "UTF-8"));
    rows.add(get("/v1/metrics?length=%zz").expect(400, "length"));
    rows.add(get("/v1/measurements/seed.metric?resolution=abc&duration=60").expect(400, "resolution"));
    rows.add(get("/v1/measurements/seed.metric?resolution=1").expect(400));
    rows.add(get("/v1/measurements/seed.metric?resolution=1&start_time=1e300").expect(400, "start_time"));
    rows.add(get("/v1/measurements/bad%20name?resolution=1&duration=60").expect(404, "bad name"));
    rows.add(get("/../../etc/passwd").expect(400, "path"));
    rows.add(request("unknown method", "FOO", "/v1/metrics").expect(405, "FOO"));
    rows.add(request("DELETE on a collection", "DELETE", MEASUREMENTS).expect(405, "DELETE"));
    rows.add(request("POST to a public route", "POST", "/health").expect(405, "POST"));
    return rows;
  }

  /** Paging numbers out of range are refused, naming the parameter; nothing is clamped. */
  static List<HostileCase> paging() {
    List<HostileCase> rows = new ArrayList<>();
    for (String list : List.of("/v1/metrics", "/v1/spaces", "/v1/alerts", "/v1/services", "/v1/api_tokens")) {
      rows.add(get(list + "?offset=2147483648").expect(400, "offset", "2147483647"));
    }
    for (String query : List.of("offset=-1", "offset=9223372036854775808", "offset=1e30", "offset=abc",
        "offset=NaN")) {
      rows.add(get("/v1/metrics?" + query).expect(400, "offset"));
    }
    for (String query : List.of("length=0", "length=101", "length=-1", "length=x", "length=4294967297")) {
      rows.add(get("/v1/metrics?" + query).expect(400, "length"));
    }
    rows.add(get("/v1/metrics?sort=sideways").expect(400, "sort"));
    return rows;
  }

  /** Missing, malformed and wrong credentials. */
  static List<HostileCase> authentication() {
    List<HostileCase> rows = new ArrayList<>();
    rows.add(get("/v1/metrics").authorization(null).expect(401, "Authorization Required"));
    for (String header : List.of("Basic", "Basic ", "Basic !!!not-base64!!!", "Bearer good", "good",
        basicOf(":"), basicOf("bad:"), basicOf("good:bad"), basicOf("x".repeat(10_000) + ":"),
        "Basic " + "A".repeat(12_000))) {
      rows.add(get("/v1/metrics").authorization(header).expect(401, "Authorization Required"));
    }
    rows.add(post(MEASUREMENTS, GOOD).authorization(null).expect(401, "Credentials are required").plainText());
    rows.add(post(MEASUREMENTS, GOOD).authorization(basicOf("bad:")).expect(401).plainText());
    return rows;
  }

  /** Encodings the emulator does not speak and lengths that do not add up. */
  static List<HostileCase> encodingsAndLengths() {
    List<HostileCase> rows = new ArrayList<>();
    for (String encoding : List.of("br", "deflate", "compress", "zstd", "gzip, br", "gzip, gzip", "identity, br",
        "snappy")) {
      rows.add(post(MEASUREMENTS, GOOD).header("Content-Encoding", encoding).expect(415, "gzip", "identity"));
    }
    rows.add(post(MEASUREMENTS, GOOD).header("Content-Encoding", "gzip").expect(400, "gzip"));
    byte[] truncated = gzip(GOOD.getBytes(StandardCharsets.UTF_8));
    rows.add(request("truncated gzip", "POST", MEASUREMENTS).header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip").body(Arrays.copyOf(truncated, truncated.length - 8)).expect(400, "gzip"));
    rows.add(request("gzip of malformed JSON", "POST", MEASUREMENTS).header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip").body(gzip("{\"measurements\":[".getBytes(StandardCharsets.UTF_8)))
        .expect(400));
    rows.add(request("form body", "POST", MEASUREMENTS).header("Content-Type", "application/x-www-form-urlencoded")
        .body("a=b".getBytes(StandardCharsets.UTF_8)).expect(415, "application/x-www-form-urlencoded"));
    rows.add(request("XML body", "POST", MEASUREMENTS).header("Content-Type", "application/xml")
        .body("<m/>".getBytes(StandardCharsets.UTF_8)).expect(415));
    String post = "POST /v1/measurements HTTP/1.1\r\nHost: x" + AUTH + "\r\nContent-Type: application/json\r\n";
    rows.add(raw("Content-Length not a number", post + "Content-Length: abc\r\n\r\n" + GOOD)
        .expect(400, "Content-Length"));
    rows.add(raw("negative Content-Length", post + "Content-Length: -5\r\n\r\n" + GOOD).expect(400, "Content-Length"));
    rows.add(raw("Content-Length past 2^63", post + "Content-Length: 99999999999999999999\r\n\r\n" + GOOD)
        .expect(400, "Content-Length"));
    rows.add(raw("two Content-Lengths", post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}")
        .expect(400, "Content-Length"));
    rows.add(raw("Content-Length and chunked", post + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "2\r\n{}\r\n0\r\n\r\n").expect(400, "Content-Length"));
    rows.add(raw("Transfer-Encoding gzip", post + "Transfer-Encoding: gzip\r\n\r\n{}").expect(400,
        "Transfer-Encoding"));
    rows.add(raw("bad chunk size", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").expect(400));
    rows.add(raw("chunk data without its CRLF", post + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n")
        .expect(400));
    return rows;
  }

  /** Request lines and headers an HTTP client would never send. */
  static List<HostileCase> wire() {
    List<HostileCase> rows = new ArrayList<>();
    String get = "GET /v1/metrics HTTP/1.1\r\nHost: x" + AUTH;
    rows.add(raw("headers over the limit", get + "\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")
        .expect(431, "headers", "16384"));
    rows.add(raw("many small headers over the limit", get + "\r\n" + "X-A: b\r\n".repeat(3_000) + "\r\n")
        .expect(431, "headers"));
    rows.add(raw("URL over the limit", "GET /v1/metrics?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x" + AUTH
        + "\r\n\r\n").expect(414, "URL", "16384"));
    rows.add(raw("request line garbage", "HELLO\r\n\r\n").expect(400));
    rows.add(raw("binary garbage", "\u0000\u0001\u0002\u00ff\r\n\r\n").expect(400));
    rows.add(raw("no Host header", "GET /v1/metrics HTTP/1.1" + AUTH + "\r\n\r\n").expect(400, "Host"));
    rows.add(raw("header without colon", get + "\r\nBadHeader\r\n\r\n").expect(400));
    rows.add(raw("space before the colon", get + "\r\nX-A : b\r\n\r\n").expect(400));
    rows.add(raw("NUL in a header value", get + "\r\nX-A: a\u0000b\r\n\r\n").expect(400));
    rows.add(raw("folded header line", get + "\r\nX-A: a\r\n  folded\r\n\r\n").expect(400));
    rows.add(raw("unknown HTTP version", "GET /v1/metrics HTTP/9.9\r\nHost: x" + AUTH + "\r\n\r\n").expect(505));
    rows.add(raw("space in the URL", "GET /v1/met rics HTTP/1.1\r\nHost: x" + AUTH + "\r\n\r\n").expect(400));
    return rows;
  }

  private static String basicOf(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  /** Text and raw byte values (ints) in order, as one byte array. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof Integer b) {
        out.write(b);
      } else {
        out.writeBytes(p.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < body.length; i += 65_536) {
      int n = Math.min(65_536, body.length - i);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, i, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
