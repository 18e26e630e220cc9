package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET/PUT/DELETE of /v1/metrics and /v1/metrics/:name. */
class MetricsApiTest {
  @RegisterExtension static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create();

  TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(EMULATOR.baseUri(), "t");
  }

  private void write(String name) {
    TestHttp.Answer a =
        http.post("measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"" + name + "\",\"value\":1}]}");
    assertThat(a.status()).isEqualTo(202);
  }

  private static List<String> names(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.get("metrics").forEach(m -> out.add(m.get("name").asText()));
    return out;
  }

  @Test
  void listsPagesWithTheQueryBlock() {
    for (String n : List.of("e", "c", "a", "d", "b")) {
      write(n);
    }

    JsonNode body = http.get("metrics?offset=1&length=2").json();

    assertThat(body.get("query").toString()).isEqualTo("{\"found\":5,\"length\":2,\"offset\":1,\"total\":5}");
    assertThat(names(body)).containsExactly("b", "c");
  }

  @Test
  void pagesAreSortedByNameIgnoringCaseBothWaysAlsoWhenFiltered() {
    for (String n : List.of("b.x", "A.x", "c.y", "D.x", "e.y")) {
      write(n);
    }

    assertThat(names(http.get("metrics?offset=1&length=2").json())).containsExactly("b.x", "c.y");
    assertThat(names(http.get("metrics?sort=desc&length=2").json())).containsExactly("e.y", "D.x");
    JsonNode filtered = http.get("metrics?name=X&offset=1&sort=desc").json();
    assertThat(names(filtered)).containsExactly("b.x", "A.x");
    assertThat(filtered.get("query").toString()).isEqualTo("{\"found\":3,\"length\":2,\"offset\":1,\"total\":5}");
    assertThat(http.get("metrics?offset=5").json().get("query").toString())
        .isEqualTo("{\"found\":5,\"length\":0,\"offset\":5,\"total\":5}");
  }

  @Test
  void filtersByNameSubstring() {
    write("cpu.user");
    write("cpu.system");
    write("memory");

    JsonNode body = http.get("metrics?name=CPU").json();

    assertThat(names(body)).containsExactly("cpu.system", "cpu.user");
    assertThat(body.at("/query/found").asInt()).isEqualTo(2);
    assertThat(body.at("/query/total").asInt()).isEqualTo(3);
  }

  @Test
  void autoCreatedMetricsCarryUserAgentPeriodAndAttributesOfTheFirstWrite() {
    TestHttp.Answer a =
        http.send(
            http.builder("measurements")
                .header("Content-Type", "application/json")
                .header("User-Agent", "probe/1.0")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"auto\",\"value\":1,\"period\":60,"
                            + "\"attributes\":{\"aggregate\":true}}]}")));
    assertThat(a.status()).isEqualTo(202);
    http.post(
        "measurements",
        "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"auto\",\"value\":1,\"period\":10,"
            + "\"attributes\":{\"aggregate\":false}}]}");

    JsonNode m = http.get("metrics/AUTO").json();

    assertThat(m.get("name").asText()).isEqualTo("auto");
    assertThat(m.get("type").asText()).isEqualTo("gauge");
    assertThat(m.get("period").asInt()).isEqualTo(60);
    assertThat(m.at("/attributes/aggregate").asBoolean()).isTrue();
    assertThat(m.at("/attributes/created_by_ua").asText()).isEqualTo("probe/1.0");
  }

  @Test
  void putCreatesWith201LocationAndBodyThenUpdatesWith204() {
    TestHttp.Answer created =
        http.put(
            "metrics/temp",
            "{\"type\":\"gauge\",\"display_name\":\"Temperature\",\"period\":60,"
                + "\"attributes\":{\"display_units_short\":\"C\",\"display_min\":0}}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/v1/metrics/temp");
    assertThat(created.json().get("display_name").asText()).isEqualTo("Temperature");

    TestHttp.Answer updated = http.put("metrics/temp", "{\"description\":\"d\",\"attributes\":{\"color\":\"#52D74C\"}}");

    assertThat(updated.status()).isEqualTo(204);
    assertThat(updated.body()).isEmpty();
    JsonNode m = http.get("metrics/temp").json();
    assertThat(m.get("description").asText()).isEqualTo("d");
    assertThat(m.at("/attributes/color").asText()).isEqualTo("#52D74C");
    assertThat(m.at("/attributes/display_units_short").asText()).isEqualTo("C");
    assertThat(m.get("period").asInt()).isEqualTo(60);
  }

  @Test
  void putCreatesPersistedComposites() {
    TestHttp.Answer a =
        http.put("metrics/total", "{\"type\":\"composite\",\"composite\":\"sum(s(\\\"cpu\\\", \\\"*\\\"))\"}");

    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json().get("type").asText()).isEqualTo("composite");
    assertThat(a.json().get("composite").asText()).isEqualTo("sum(s(\"cpu\", \"*\"))");
  }

  @Test
  void compositeWithoutExpressionIs400() {
    TestHttp.Answer a = http.put("metrics/total", "{\"type\":\"composite\"}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/composite")).isNotEmpty();
  }

  @Test
  void badAttributesAre400NamingThem() {
    TestHttp.Answer a = http.put("metrics/x", "{\"attributes\":{\"summarize_function\":\"median\"}}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/attributes/0").asText()).contains("summarize_function");
  }

  @Test
  void invalidNameInPathIs400() {
    TestHttp.Answer a = http.put("metrics/bad%20name", "{}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/name/0").asText()).isEqualTo("bad name is not a valid metric name");
  }

  @Test
  void unknownMetricIs404() {
    assertThat(http.get("metrics/none").status()).isEqualTo(404);
    assertThat(http.delete("metrics/none").status()).isEqualTo(404);
  }

  @Test
  void deleteRemovesMetricAndData() {
    write("gone");

    assertThat(http.delete("metrics/GONE").status()).isEqualTo(204);
    assertThat(http.get("metrics/gone").status()).isEqualTo(404);
    assertThat(http.get("measurements/gone?resolution=1&duration=60").status()).isEqualTo(404);
    assertThat(EMULATOR.emulator().stats().series()).isZero();
  }

  @Test
  void deletesManyByNamesOrPatternWithExclude() {
    for (String n : List.of("tmp.a", "tmp.b", "tmp.keep", "other")) {
      write(n);
    }

    assertThat(http.delete("metrics", "{\"names\":\"tmp.*\",\"exclude\":[\"tmp.keep\"]}").status()).isEqualTo(204);
    assertThat(names(http.get("metrics").json())).containsExactly("other", "tmp.keep");
    assertThat(http.delete("metrics", "{\"names\":[\"other\",\"absent\"]}").status()).isEqualTo(204);
    assertThat(names(http.get("metrics").json())).containsExactly("tmp.keep");
  }

  @Test
  void deleteManyWithoutNamesIs400() {
    assertThat(http.delete("metrics", "{}").json().at("/errors/params/names")).isNotEmpty();
  }

  @Test
  void batchUpdateAppliesAttributesToMatches() {
    write("app.a");
    write("app.b");
    write("db");

    assertThat(http.put("metrics", "{\"names\":[\"app.*\"],\"display_max\":10}").status()).isEqualTo(204);
    assertThat(http.get("metrics/app.b").json().at("/attributes/display_max").asInt()).isEqualTo(10);
    assertThat(http.get("metrics/db").json().at("/attributes/display_max").isMissingNode()).isTrue();
  }

  @Test
  void composeWithoutSupportIsAnError() {
    TestHttp.Answer a = http.get("measurements?resolution=60&duration=60");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/compose")).isNotEmpty();
  }
}
