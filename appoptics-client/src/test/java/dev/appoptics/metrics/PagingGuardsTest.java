package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.metrics.RecordingServer.Reply;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every paging helper against a server whose paging never ends: each stops with a {@link PagingException} after a
 * few requests instead of looping. The emulator pages correctly, so a scripted server plays the broken one.
 */
@Timeout(30) // a helper without its guard loops forever: fail instead of hanging the build
class PagingGuardsTest {
  private static final Pattern OFFSET = Pattern.compile("offset=(\\d+)");
  @RegisterExtension static final RecordingServer server = RecordingServer.start();
  private AppOptics api;

  /** One page of two items under {@code key}, claiming {@code found} items and the given offset. */
  private static String page(String key, String item, long offset, long found) {
    return "{\"query\":{\"found\":" + found + ",\"length\":2,\"offset\":" + offset + ",\"total\":" + found + "},\""
        + key + "\":[" + item + "," + item + "]}";
  }

  private static long askedOffset(RecordingServer.Recorded r) {
    Matcher m = OFFSET.matcher(r.rawQuery() == null ? "" : r.rawQuery());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  @BeforeEach
  void connect() {
    api = AppOptics.builder().token("t").baseUri(server.baseUri()).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void close() {
    api.close();
  }

  /** Each lazy listing, its array key and one item of it. */
  private Stream<?> listing(String which) {
    return switch (which) {
      case "metrics" -> api.listAllMetrics();
      case "annotations" -> api.listAnnotationStreams();
      case "spaces" -> api.listSpaces();
      case "alerts" -> api.listAlerts();
      case "services" -> api.listServices();
      case "api_tokens" -> api.listApiTokens();
      default -> throw new IllegalArgumentException(which);
    };
  }

  private static String item(String which) {
    return switch (which) {
      case "metrics" -> "{\"name\":\"m\",\"type\":\"gauge\",\"period\":null,\"attributes\":{}}";
      case "annotations" -> "{\"name\":\"a\",\"display_name\":\"a\"}";
      case "spaces" -> "{\"id\":1,\"name\":\"s\"}";
      case "alerts" -> "{\"id\":1,\"name\":\"a\",\"conditions\":[],\"services\":[],\"attributes\":{},"
          + "\"active\":true,\"rearm_seconds\":600}";
      case "services" -> "{\"id\":1,\"type\":\"mail\",\"title\":\"t\",\"settings\":{}}";
      case "api_tokens" ->
          "{\"name\":\"t\",\"token\":\"x\",\"active\":true,\"role\":\"admin\",\"href\":\"h/1\"}";
      default -> throw new IllegalArgumentException(which);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"metrics", "annotations", "spaces", "alerts", "services", "api_tokens"})
  void aServerThatAlwaysAnswersOffsetZeroStopsEveryListing(String which) {
    server.respond(r -> Reply.json(200, page(which, item(which), 0, 1_000)));

    assertThatThrownBy(() -> listing(which).count())
        .isInstanceOfSatisfying(PagingException.class, e -> assertThat(e.errorMessage())
            .isEqualTo("asked for the page at offset 2 and the server answered offset 0; the paging would not"
                + " advance"));
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void theItemsBeforeTheBrokenPageAreHandedOut() {
    server.respond(r -> Reply.json(200, page("metrics", item("metrics"), 0, 1_000)));
    List<String> seen = new java.util.ArrayList<>();

    assertThatThrownBy(() -> api.listAllMetrics().forEach(m -> seen.add(m.name())))
        .isInstanceOf(PagingException.class);
    assertThat(seen).containsExactly("m", "m");
  }

  @Test
  void aListThatNeverEndsStopsAtTheBoundOnPages() {
    server.respond(r -> Reply.json(200, page("metrics", item("metrics"), askedOffset(r), Integer.MAX_VALUE)));
    Function<com.fasterxml.jackson.databind.JsonNode, Metric> parse = Metric::fromJson;

    Stream<Metric> bounded = Pages.stream(api.rest(), "metrics", Query.create(), "metrics", parse, 5);

    assertThatThrownBy(bounded::count)
        .isInstanceOfSatisfying(PagingException.class, e -> assertThat(e.errorMessage())
            .isEqualTo("the list did not end after 5 pages (at offset 10); the server's paging looks broken"));
    assertThat(server.requests).hasSize(5);
    assertThat(PagingException.MAX_PAGES).isEqualTo(100_000);
  }

  @Test
  void anOffsetPastTheLargestIntStops() {
    server.respond(r -> Reply.json(200, page("metrics", item("metrics"), askedOffset(r), Integer.MAX_VALUE)));

    assertThatThrownBy(() -> api.listAllMetrics(ListOptions.builder().offset(Integer.MAX_VALUE - 1).build()).count())
        .isInstanceOfSatisfying(PagingException.class, e -> assertThat(e.errorMessage())
            .contains("past the largest offset the API takes"));
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void aMeasurementNextLinkToItselfStops() {
    String self = server.baseUri() + "measurements/paged?start_time=10&end_time=20&resolution=1";
    server.respond(Reply.json(200, "{\"name\":\"paged\",\"resolution\":1,\"attributes\":{},"
        + "\"links\":[{\"rel\":\"next\",\"href\":\"" + self + "\"}],\"series\":[]}"));

    assertThatThrownBy(() -> api.getMeasurements("paged",
        MeasurementQuery.builder().startTime(10).endTime(20).resolution(1).build()))
        .isInstanceOfSatisfying(PagingException.class, e -> assertThat(e.errorMessage())
            .isEqualTo("page 2 links to a page already read (" + self + "); the paging would not advance"));
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void measurementNextLinksGoingRoundInACircleStop() {
    String a = server.baseUri() + "measurements/paged?start_time=10&end_time=20&resolution=1";
    String b = server.baseUri() + "measurements/paged?start_time=15&end_time=20&resolution=1";
    server.respond(r -> Reply.json(200, "{\"name\":\"paged\",\"resolution\":1,\"attributes\":{},"
        + "\"links\":[{\"rel\":\"next\",\"href\":\"" + (r.rawQuery().contains("start_time=15") ? a : b)
        + "\"}],\"series\":[]}"));

    assertThatThrownBy(() -> api.getMeasurements("paged",
        MeasurementQuery.builder().startTime(10).endTime(20).resolution(1).build()))
        .isInstanceOf(PagingException.class);
    assertThat(server.requests).hasSize(3);
  }
}
