package dev.appoptics.emulator.internal.resources;

import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertNotFound;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertParamsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChartsApiTest extends ApiTestBase {
  private static final String FULL_STREAM =
      """
      {"metric":"cpu.user","tags":[{"name":"host","values":["web*"],"grouped":true,"dynamic":false}],
       "group_function":"breakout","summary_function":"max","transform_function":"x/p","period":60,
       "min":0,"max":100,"units_short":"%","units_long":"percent","color":"#52D74C","position":2,
       "split_axis":true,"gap_detection":true,"name":"user cpu"}""";

  private long space;
  private String charts;

  @BeforeEach
  void createSpace() {
    space = api.post("/v1/spaces", Map.of("name", "CPUs")).id();
    charts = "/v1/spaces/" + space + "/charts";
  }

  @Test
  void createAnswers201WithTheSpaceLocationAndTheFullChart() {
    Reply reply = api.post(charts, "{\"name\":\"cpu\",\"type\":\"stacked\",\"streams\":[" + FULL_STREAM + "]}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).contains("/v1/spaces/" + space);
    JsonNode chart = reply.json();
    assertThat(chart.path("id").asLong()).isEqualTo(1);
    assertThat(chart.path("name").asText()).isEqualTo("cpu");
    assertThat(chart.path("type").asText()).isEqualTo("stacked");
    assertThat(chart.path("thresholds").isNull()).isTrue();
    assertThat(chart.path("label").isNull()).isTrue();
  }

  @Test
  void everyStreamFieldIsStoredAndReturnedAsGivenWithIdAndType() throws Exception {
    long id = api.post(charts, "{\"name\":\"cpu\",\"streams\":[" + FULL_STREAM + "]}").id();

    JsonNode stream = api.get(charts + "/" + id).json().path("streams").get(0);

    JsonNode given = Json.MAPPER.readTree(FULL_STREAM);
    given.fields().forEachRemaining(e -> assertThat(stream.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue()));
    assertThat(stream.path("id").asLong()).isEqualTo(1);
    assertThat(stream.path("type").asText()).isEqualTo("gauge");
  }

  @Test
  void compositeStreamsAreTypedComposite() {
    String composite = "{\"composite\":\"sum(s(\\\"cpu\\\",\\\"*\\\"))\",\"downsample_function\":\"max\"}";

    JsonNode stream = api.post(charts, "{\"name\":\"c\",\"streams\":[" + composite + "]}").json().path("streams").get(0);

    assertThat(stream.path("type").asText()).isEqualTo("composite");
    assertThat(stream.path("composite").asText()).isEqualTo("sum(s(\"cpu\",\"*\"))");
    assertThat(stream.path("downsample_function").asText()).isEqualTo("max");
  }

  @Test
  void pythonChartAttributesAreStoredAndReturned() {
    String body =
        """
        {"name":"big","type":"bignumber","streams":[{"metric":"m","source":"*","summary_function":"average"}],
         "min":0,"max":10,"label":"ms","use_log_yaxis":true,"use_last_value":true,"related_space":7,
         "thresholds":[{"operator":">","value":90,"type":"red"},{"operator":"<","value":5.5,"type":"yellow"}]}""";
    long id = api.post(charts, body).id();

    JsonNode chart = api.get(charts + "/" + id).json();

    assertThat(chart.path("use_log_yaxis").asBoolean()).isTrue();
    assertThat(chart.path("use_last_value").asBoolean()).isTrue();
    assertThat(chart.path("related_space").asInt()).isEqualTo(7);
    assertThat(chart.path("label").asText()).isEqualTo("ms");
    assertThat(chart.path("min").asInt()).isZero();
    assertThat(chart.path("max").asInt()).isEqualTo(10);
    assertThat(chart.path("thresholds").size()).isEqualTo(2);
    assertThat(chart.path("streams").get(0).path("source").asText()).isEqualTo("*");
  }

  @Test
  void aChartWithOnlyANameDefaultsToAnEmptyLineChart() {
    JsonNode chart = api.post(charts, Map.of("name", "empty")).json();

    assertThat(chart.path("type").asText()).isEqualTo("line");
    assertThat(chart.path("streams").isArray()).isTrue();
    assertThat(chart.path("streams").size()).isZero();
  }

  @Test
  void listIsABareArrayOfFullCharts() {
    api.post(charts, Map.of("name", "one"));
    api.post(charts, "{\"name\":\"two\",\"streams\":[{\"metric\":\"m\"}]}");

    JsonNode list = api.get(charts).json();

    assertThat(list.isArray()).isTrue();
    assertThat(list.findValuesAsText("name")).contains("one", "two");
    assertThat(list.get(1).path("streams").get(0).path("metric").asText()).isEqualTo("m");
  }

  @Test
  void updateAnswers200WithTheFullChartAndReplacesStreams() {
    long id = api.post(charts, "{\"name\":\"c\",\"streams\":[{\"metric\":\"a\"},{\"metric\":\"b\"}]}").id();
    JsonNode before = api.get(charts + "/" + id).json();
    long kept = before.path("streams").get(1).path("id").asLong();

    Reply reply =
        api.put(charts + "/" + id, "{\"name\":\"renamed\",\"streams\":[{\"id\":" + kept + ",\"metric\":\"b2\"},{\"metric\":\"c\"}]}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode chart = reply.json();
    assertThat(chart.path("id").asLong()).isEqualTo(id);
    assertThat(chart.path("name").asText()).isEqualTo("renamed");
    assertThat(chart.path("streams").findValuesAsText("metric")).containsExactly("b2", "c");
    assertThat(chart.path("streams").get(0).path("id").asLong()).isEqualTo(kept);
    assertThat(chart.path("streams").get(1).path("id").asLong()).isGreaterThan(kept);
    assertThat(api.get(charts + "/" + id).json()).isEqualTo(chart);
  }

  @Test
  void updateKeepsFieldsNotSent() {
    long id = api.post(charts, "{\"name\":\"c\",\"type\":\"stacked\",\"label\":\"x\",\"streams\":[{\"metric\":\"a\"}]}").id();

    JsonNode chart = api.put(charts + "/" + id, Map.of("name", "d")).json();

    assertThat(chart.path("type").asText()).isEqualTo("stacked");
    assertThat(chart.path("label").asText()).isEqualTo("x");
    assertThat(chart.path("streams").size()).isEqualTo(1);
  }

  @Test
  void deleteAnswers204AndRemovesTheChartFromTheSpace() {
    long id = api.post(charts, Map.of("name", "c")).id();

    assertThat(api.delete(charts + "/" + id).status()).isEqualTo(204);

    assertNotFound(api.get(charts + "/" + id));
    assertThat(api.get("/v1/spaces/" + space).json().path("charts").size()).isZero();
  }

  @Test
  void unknownSpaceOrChartIs404() {
    long id = api.post(charts, Map.of("name", "c")).id();
    long other = api.post("/v1/spaces", Map.of("name", "other")).id();

    assertNotFound(api.get("/v1/spaces/99/charts"));
    assertNotFound(api.post("/v1/spaces/99/charts", Map.of("name", "c")));
    assertNotFound(api.get(charts + "/99"));
    assertNotFound(api.get(charts + "/x"));
    assertNotFound(api.get("/v1/spaces/" + other + "/charts/" + id));
    assertNotFound(api.put("/v1/spaces/" + other + "/charts/" + id, Map.of("name", "c")));
    assertNotFound(api.delete("/v1/spaces/" + other + "/charts/" + id));
    assertNotFound(api.put(charts + "/99", Map.of("name", "c")));
    assertNotFound(api.delete(charts + "/99"));
  }

  @Test
  void chartNeedsANameAndAKnownType() {
    assertParamsError(api.post(charts, Map.of("type", "line")), "name");
    assertParamsError(api.post(charts, Map.of("name", 5)), "name");
    assertParamsError(api.post(charts, Map.of("name", "c", "type", "pie")), "type");
    long id = api.post(charts, Map.of("name", "c")).id();
    assertParamsError(api.put(charts + "/" + id, Map.of("type", "pie")), "type");
  }

  @Test
  void streamNeedsAMetricOrAComposite() {
    assertParamsError(api.post(charts, "{\"name\":\"c\",\"streams\":[{\"color\":\"#000000\"}]}"), "streams", "metric");
    assertParamsError(api.post(charts, "{\"name\":\"c\",\"streams\":[\"cpu\"]}"), "streams", "stream");
  }

  @Test
  void streamFunctionsAndTagsAreChecked() {
    assertParamsError(
        api.post(charts, "{\"name\":\"c\",\"streams\":[{\"metric\":\"m\",\"group_function\":\"median\"}]}"),
        "streams", "group_function");
    assertParamsError(
        api.post(charts, "{\"name\":\"c\",\"streams\":[{\"metric\":\"m\",\"tags\":{\"host\":\"a\"}}]}"),
        "streams", "tags");
  }

  @Test
  void thresholdsMustBeWellFormed() {
    assertParamsError(
        api.post(charts, "{\"name\":\"c\",\"type\":\"bignumber\",\"thresholds\":[{\"operator\":\">=\",\"value\":1,\"type\":\"red\"}]}"),
        "thresholds");
    assertParamsError(
        api.post(charts, "{\"name\":\"c\",\"type\":\"bignumber\",\"thresholds\":[{\"operator\":\">\",\"value\":1,\"type\":\"blue\"}]}"),
        "thresholds");
    assertParamsError(
        api.post(charts, "{\"name\":\"c\",\"type\":\"bignumber\",\"thresholds\":{\"operator\":\">\"}}"), "thresholds");
  }

  @Test
  void streamsMustBeAList() {
    assertParamsError(api.post(charts, "{\"name\":\"c\",\"streams\":{\"metric\":\"m\"}}"), "streams");
  }
}
