package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Series selection, grouping, summary functions and pagination of GET /v1/measurements/:name. */
class QueryTest {
  static final long NOW = 1_700_000_000L;
  static final long T = NOW - 100;

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(
          b -> b.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).maxPointsPerAnswer(5));

  TestHttp http;

  @BeforeEach
  void data() {
    http = new TestHttp(EMULATOR.baseUri(), "t");
    TestHttp.Answer a =
        http.post(
            "measurements",
            "{\"time\":" + T + ",\"measurements\":["
                + "{\"name\":\"cpu\",\"value\":1,\"tags\":{\"host\":\"web1\",\"region\":\"us-east\"}},"
                + "{\"name\":\"cpu\",\"value\":2,\"tags\":{\"host\":\"web2\",\"region\":\"us-east\"}},"
                + "{\"name\":\"cpu\",\"value\":3,\"tags\":{\"host\":\"db1\",\"region\":\"eu-west\"}},"
                + "{\"name\":\"cpu\",\"value\":4,\"tags\":{\"host\":\"web3\"}}]}");
    assertThat(a.status()).isEqualTo(202);
  }

  private JsonNode query(String params) {
    TestHttp.Answer a = http.get("measurements/cpu?resolution=60&start_time=" + (T - 60) + "&" + params);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json();
  }

  private static List<String> hosts(JsonNode body) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : body.get("series")) {
      out.add(s.at("/tags/host").asText());
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tags=*                                      | db1 web1 web2 web3",
        "tags[host]=web*                             | web1 web2 web3",
        "tags[host]=web1&tags[host]=db1              | db1 web1",
        "tags[host]=web1,db1                         | db1 web1",
        "tags[host]=web*&tags[region]=us-east        | web1 web2",
        "tags[region]=!us-east                       | db1",
        "tags[host]=WEB1                             | web1",
        "tags[!region]=*                             | web3",
        "tags[zone]=*                                | ''"
      })
  void filtersByTags(String params, String expected) {
    assertThat(String.join(" ", hosts(query(params)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "region=us* and not host=web2       | web1",
        "(host=db1 or host=web3)            | db1 web3",
        "host=web* and region!=us-east      | ''",
        "host='web1' or region=\"eu-west\"  | db1 web1",
        "not region=*                       | web3"
      })
  void filtersByTagSearch(String expression, String expected) {
    assertThat(String.join(" ", hosts(query("tags_search=" + enc(expression))))).isEqualTo(expected);
  }

  @Test
  void tagsAndTagsSearchTogetherIs400() {
    TestHttp.Answer a =
        http.get("measurements/cpu?resolution=60&duration=600&tags[host]=a&tags_search=" + enc("host=a"));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/tags_search/0").asText()).contains("tags");
  }

  @Test
  void malformedTagSearchIs400NamingIt() {
    TestHttp.Answer a = http.get("measurements/cpu?resolution=60&duration=600&tags_search=" + enc("(host="));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/tags_search")).isNotEmpty();
  }

  @Test
  void groupsByTagWithAFunction() {
    JsonNode body = query("group_by=region&group_by_function=sum");

    assertThat(body.get("series").toString())
        .isEqualTo(
            "[{\"tags\":{\"region\":\"eu-west\"},\"measurements\":[{\"time\":" + (T - T % 60) + ",\"value\":3.0}]},"
                + "{\"tags\":{\"region\":\"us-east\"},\"measurements\":[{\"time\":" + (T - T % 60)
                + ",\"value\":3.0}]}]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"sum, 10.0", "max, 4.0", "min, 1.0", "mean, 2.5"})
  void groupsEverythingWithStar(String function, double expected) {
    JsonNode body = query("group_by=*&group_by_function=" + function);

    assertThat(body.get("series")).hasSize(1);
    assertThat(body.at("/series/0/tags").size()).isZero();
    assertThat(body.at("/series/0/measurements/0/value").asDouble()).isEqualTo(expected);
  }

  @Test
  void groupByWithoutFunctionIs400() {
    TestHttp.Answer a = http.get("measurements/cpu?resolution=60&duration=600&group_by=region");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/group_by_function")).isNotEmpty();
  }

  @Test
  void summaryAllCannotBeGrouped() {
    TestHttp.Answer a =
        http.get("measurements/cpu?resolution=60&duration=600&group_by=*&group_by_function=sum&summary_function=all");

    assertThat(a.status()).isEqualTo(400);
  }

  @Test
  void reduceCollapsesEachSeriesToOnePoint() {
    http.post(
        "measurements",
        "{\"time\":" + (T + 60) + ",\"tags\":{\"host\":\"web1\",\"region\":\"us-east\"},"
            + "\"measurements\":[{\"name\":\"cpu\",\"value\":5}]}");

    JsonNode body = query("tags[host]=web1&reduce=sum");

    assertThat(body.at("/series/0/measurements")).hasSize(1);
    assertThat(body.at("/series/0/measurements/0/value").asDouble()).isEqualTo(6.0);
  }

  @Test
  void metricNamesIgnoreCaseAndTagNamesAreLowerCased() {
    http.post(
        "measurements",
        "{\"time\":" + T + ",\"measurements\":[{\"name\":\"Mixed.Case\",\"value\":1,\"tags\":{\"Host\":\"X\"}}]}");

    JsonNode body = http.get("measurements/mixed.case?resolution=1&duration=600").json();

    assertThat(body.get("name").asText()).isEqualTo("Mixed.Case");
    assertThat(body.at("/series/0/tags").toString()).isEqualTo("{\"host\":\"X\"}");
  }

  @Test
  void resolutionIsRequired() {
    TestHttp.Answer a = http.get("measurements/cpu?duration=600");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).startsWith("{\"errors\":{\"params\":{\"resolution\":[\"is required\"]}}");
  }

  @Test
  void startEndAndDurationTogetherIs400() {
    TestHttp.Answer a = http.get("measurements/cpu?resolution=1&start_time=1&end_time=2&duration=1");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/duration")).isNotEmpty();
  }

  @Test
  void startOrDurationIsRequired() {
    assertThat(http.get("measurements/cpu?resolution=1").status()).isEqualTo(400);
  }

  @Test
  void unknownSummaryFunctionIs400() {
    TestHttp.Answer a = http.get("measurements/cpu?resolution=1&duration=60&summary_function=median");

    assertThat(a.json().at("/errors/params/summary_function/0").asText()).contains("median");
  }

  @Test
  void longRangesContinueThroughNextLinks() {
    StringBuilder body = new StringBuilder("{\"tags\":{\"h\":\"p\"},\"measurements\":[");
    for (int i = 0; i < 12; i++) {
      body.append(i == 0 ? "" : ",").append("{\"name\":\"paged\",\"value\":").append(i)
          .append(",\"time\":").append(T + i).append('}');
    }
    http.post("measurements", body + "]}");

    List<Double> values = new ArrayList<>();
    String next = "measurements/paged?resolution=1&start_time=" + T + "&end_time=" + (T + 11);
    int pages = 0;
    while (next != null) {
      JsonNode page = http.get(next).json();
      pages++;
      assertThat(page.at("/series/0/measurements").size()).isLessThanOrEqualTo(5);
      page.at("/series/0/measurements").forEach(p -> values.add(p.get("value").asDouble()));
      JsonNode links = page.get("links");
      next = links.isEmpty() ? null : URI.create(links.get(0).get("href").asText()).toString();
      if (next != null) {
        assertThat(links.get(0).get("rel").asText()).isEqualTo("next");
        assertThat(next).startsWith(EMULATOR.baseUri().toString());
      }
    }

    assertThat(pages).isEqualTo(3);
    assertThat(values).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0);
  }
}
