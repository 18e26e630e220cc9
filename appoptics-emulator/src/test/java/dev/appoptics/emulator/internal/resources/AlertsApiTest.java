package dev.appoptics.emulator.internal.resources;

import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertAlreadyExists;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertNotFound;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertParamsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsApiTest extends ApiTestBase {
  /** What the Python library sends: every key, nulls for the unset ones, {@code "id": null}. */
  static final String PYTHON_ALERT =
      """
      {"name":"production.web.response_time","md":false,"id":null,"attributes":{"runbook_url":"https://r"},
       "version":2,"description":"Web Response Time","rearm_seconds":null,"active":true,"services":[2],
       "conditions":[{"type":"above","metric_name":"web.nginx.response_time","source":"*",
                      "tags":[{"name":"environment","grouped":false,"values":["production"]}],
                      "summary_function":"average","duration":null,"threshold":200},
                     {"type":"absent","metric_name":"web.up","source":"*","tags":null,
                      "summary_function":null,"duration":300}],
       "created_at":null,"updated_at":null,"rearm_per_signal":null}""";

  private long create(String body) {
    Reply reply = api.post("/v1/alerts", body);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.id();
  }

  @Test
  void createAnswers201WithoutConditionsAndServices() {
    Reply reply = api.post("/v1/alerts", PYTHON_ALERT);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).contains("/v1/alerts/1");
    JsonNode alert = reply.json();
    assertThat(alert.path("id").asLong()).isEqualTo(1);
    assertThat(alert.path("name").asText()).isEqualTo("production.web.response_time");
    assertThat(alert.has("conditions")).isFalse();
    assertThat(alert.has("services")).isFalse();
    assertThat(alert.path("version").asInt()).isEqualTo(2);
    assertThat(alert.path("rearm_seconds").asInt()).isEqualTo(600);
    assertThat(alert.path("created_at").asLong()).isPositive();
  }

  @Test
  void getReturnsConditionsWithIdsAndServicesAsFullObjects() {
    long id = create(PYTHON_ALERT);

    JsonNode alert = api.get("/v1/alerts/" + id).json();

    JsonNode conditions = alert.path("conditions");
    assertThat(conditions.size()).isEqualTo(2);
    JsonNode above = conditions.get(0);
    assertThat(above.path("id").asLong()).isPositive();
    assertThat(above.path("type").asText()).isEqualTo("above");
    assertThat(above.path("threshold").asDouble()).isEqualTo(200.0);
    assertThat(above.path("source").asText()).isEqualTo("*");
    assertThat(above.path("tags").get(0).path("values").get(0).asText()).isEqualTo("production");
    JsonNode absent = conditions.get(1);
    assertThat(absent.path("duration").asInt()).isEqualTo(300);
    assertThat(absent.path("tags").isArray()).isTrue();
    assertThat(alert.path("services").get(0).path("id").asLong()).isEqualTo(2);
    assertThat(alert.path("services").get(0).path("type").asText()).isEqualTo("slack");
    assertThat(alert.path("services").get(0).path("settings").path("url").asText()).isNotEmpty();
    assertThat(alert.path("attributes").path("runbook_url").asText()).isEqualTo("https://r");
    assertThat(alert.path("md").asBoolean(true)).isFalse();
    assertThat(alert.path("active").asBoolean()).isTrue();
    assertThat(alert.path("rearm_per_signal").asBoolean(true)).isFalse();
    assertThat(alert.path("updated_at").asLong()).isEqualTo(alert.path("created_at").asLong());
  }

  @Test
  void servicesMayBeGivenAsNumericStringsOrServiceObjects() {
    long id = create("{\"name\":\"s\",\"services\":[\"1\",{\"id\":2,\"title\":\"ops slack\"}]}");

    assertThat(api.get("/v1/alerts/" + id).json().path("services").findValuesAsText("title"))
        .containsExactly("ops mail", "ops slack");
  }

  @Test
  void aMinimalAlertGetsTheDefaults() {
    long id = create("{\"name\":\"a\"}");

    JsonNode alert = api.get("/v1/alerts/" + id).json();

    assertThat(alert.path("active").asBoolean()).isTrue();
    assertThat(alert.path("rearm_seconds").asInt()).isEqualTo(600);
    assertThat(alert.path("conditions").size()).isZero();
    assertThat(alert.path("services").size()).isZero();
    assertThat(alert.path("attributes").isObject()).isTrue();
  }

  @Test
  void conditionsEchoTheSourceSent() {
    long id = create("{\"name\":\"src\",\"conditions\":[{\"type\":\"above\",\"metric_name\":\"m\","
        + "\"threshold\":1,\"source\":\"*\"},{\"type\":\"below\",\"metric_name\":\"m\",\"threshold\":0}]}");

    JsonNode conditions = api.get("/v1/alerts/" + id).json().path("conditions");

    assertThat(conditions.get(0).path("source").asText()).isEqualTo("*");
    assertThat(conditions.get(1).has("source")).isTrue();
    assertThat(conditions.get(1).path("source").isNull()).isTrue();
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"bad\",\"conditions\":[{\"type\":\"absent\","
        + "\"metric_name\":\"m\",\"duration\":60,\"source\":5}]}"), "conditions", "source");
  }

  @Test
  void nameRules() {
    assertParamsError(api.post("/v1/alerts", "{}"), "name");
    assertParamsError(api.post("/v1/alerts", "{\"name\":null}"), "name");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"has space\"}"), "name");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"semi;colon\"}"), "name");
    assertParamsError(api.post("/v1/alerts", Map.of("name", "a".repeat(256))), "name");
    assertThat(api.post("/v1/alerts", Map.of("name", "a".repeat(255))).status()).isEqualTo(201);
    // The documented rule leaves out "_", but the documentation's own example name has one.
    assertThat(api.post("/v1/alerts", Map.of("name", "Prod.web_x:latency-p99")).status()).isEqualTo(201);
  }

  @Test
  void duplicateNameIs422() {
    create("{\"name\":\"dup\"}");

    assertAlreadyExists(api.post("/v1/alerts", "{\"name\":\"dup\"}"), "name");
  }

  @Test
  void conditionRulesAnswerNestedMessages() {
    String base = "{\"name\":\"c\",\"conditions\":[%s]}";
    assertParamsError(api.post("/v1/alerts", base.formatted("{\"metric_name\":\"m\",\"threshold\":1}")),
        "conditions", "type");
    assertParamsError(api.post("/v1/alerts", base.formatted("{\"type\":\"over\",\"metric_name\":\"m\"}")),
        "conditions", "type");
    assertParamsError(api.post("/v1/alerts", base.formatted("{\"type\":\"above\",\"threshold\":1}")),
        "conditions", "metric_name");
    assertParamsError(api.post("/v1/alerts", base.formatted("{\"type\":\"below\",\"metric_name\":\"m\"}")),
        "conditions", "threshold");
    assertParamsError(api.post("/v1/alerts", base.formatted("{\"type\":\"absent\",\"metric_name\":\"m\"}")),
        "conditions", "duration");
    assertParamsError(api.post("/v1/alerts",
        base.formatted("{\"type\":\"above\",\"metric_name\":\"m\",\"threshold\":\"x\"}")), "conditions", "threshold");
    assertParamsError(api.post("/v1/alerts",
        base.formatted("{\"type\":\"above\",\"metric_name\":\"m\",\"threshold\":1,\"summary_function\":\"mean\"}")),
        "conditions", "summary_function");
    assertParamsError(api.post("/v1/alerts",
        base.formatted("{\"type\":\"above\",\"metric_name\":\"m\",\"threshold\":1,\"tags\":\"env\"}")),
        "conditions", "tags");
  }

  @Test
  void durationMustBeBetween60And3600() {
    String body = "{\"name\":\"d\",\"conditions\":[{\"type\":\"above\",\"metric_name\":\"m\",\"threshold\":1,\"duration\":%d}]}";

    JsonNode messages = assertParamsError(api.post("/v1/alerts", body.formatted(59)), "conditions", "duration");
    assertThat(messages.get(0).asText()).isEqualTo("must be between 60 and 3600");
    assertParamsError(api.post("/v1/alerts", body.formatted(3601)), "conditions", "duration");
    assertThat(api.post("/v1/alerts", body.formatted(60)).status()).isEqualTo(201);
  }

  @Test
  void otherFieldRules() {
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"rearm_seconds\":61}"), "rearm_seconds");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"active\":\"yes\"}"), "active");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"attributes\":[]}"), "attributes");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"conditions\":{}}"), "conditions");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"conditions\":[7]}"), "conditions", "condition");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"description\":5}"), "description");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"md\":1}"), "md");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"rearm_per_signal\":\"no\"}"), "rearm_per_signal");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"services\":1}"), "services");
    assertParamsError(api.post("/v1/alerts", "{\"name\":\"r\",\"services\":[\"one\"]}"), "services");
    assertParamsError(api.post("/v1/alerts", "{\"name\":7}"), "name");
  }

  @Test
  void unknownServiceIdsAre400NamingTheId() {
    JsonNode messages = assertParamsError(api.post("/v1/alerts", "{\"name\":\"s\",\"services\":[1,77]}"), "services");

    assertThat(messages.get(0).asText()).contains("77");
    assertThat(api.get("/v1/alerts").json().path("query").path("total").asInt()).isZero();
  }

  @Test
  void updateReplacesTheAlertAndAnswers204() {
    long id = create(PYTHON_ALERT);
    JsonNode before = api.get("/v1/alerts/" + id).json();

    Reply reply = api.put("/v1/alerts/" + id, "{\"name\":\"renamed\",\"active\":false,\"services\":[1]}");

    assertThat(reply.status()).isEqualTo(204);
    JsonNode after = api.get("/v1/alerts/" + id).json();
    assertThat(after.path("name").asText()).isEqualTo("renamed");
    assertThat(after.path("active").asBoolean()).isFalse();
    assertThat(after.path("conditions").size()).isZero();
    assertThat(after.path("attributes").size()).isZero();
    assertThat(after.path("services").findValuesAsText("title")).containsExactly("ops mail");
    assertThat(after.path("created_at")).isEqualTo(before.path("created_at"));
    assertThat(after.path("updated_at").asLong()).isGreaterThanOrEqualTo(before.path("updated_at").asLong());
  }

  @Test
  void updateValidatesLikeCreate() {
    long id = create("{\"name\":\"one\"}");
    create("{\"name\":\"two\"}");

    assertParamsError(api.put("/v1/alerts/" + id, "{}"), "name");
    assertAlreadyExists(api.put("/v1/alerts/" + id, "{\"name\":\"two\"}"), "name");
    assertParamsError(api.put("/v1/alerts/" + id, "{\"name\":\"one\",\"services\":[9]}"), "services");
    assertThat(api.put("/v1/alerts/" + id, "{\"name\":\"one\"}").status()).isEqualTo(204);
  }

  @Test
  void deleteAnswers204() {
    long id = create("{\"name\":\"gone\"}");

    assertThat(api.delete("/v1/alerts/" + id).status()).isEqualTo(204);
    assertNotFound(api.get("/v1/alerts/" + id));
  }

  @Test
  void unknownOrNonNumericIdsAre404() {
    assertNotFound(api.get("/v1/alerts/5"));
    assertNotFound(api.get("/v1/alerts/abc"));
    assertNotFound(api.put("/v1/alerts/5", "{\"name\":\"x\"}"));
    assertNotFound(api.delete("/v1/alerts/5"));
    assertNotFound(api.get("/v1/alerts/5/status"));
    assertNotFound(api.post("/v1/alerts/5/clear", ""));
    assertNotFound(api.post("/v1/alerts/5/services", "{\"service\":1}"));
    assertNotFound(api.delete("/v1/alerts/5/services/1"));
  }

  @Test
  void getAlertByNameIsASubstringSearchIgnoringCase() {
    create("{\"name\":\"cpu.high\"}");
    create("{\"name\":\"disk.full\"}");
    create("{\"name\":\"CPU.low\"}");

    JsonNode page = api.get("/v1/alerts?name=cpu").json();

    assertThat(page.path("query").path("found").asInt()).isEqualTo(2);
    assertThat(page.path("query").path("total").asInt()).isEqualTo(3);
    assertThat(page.path("alerts").findValuesAsText("name")).containsExactly("cpu.high", "CPU.low");
    assertThat(page.path("alerts").get(0).has("conditions")).isTrue();
    assertThat(api.get("/v1/alerts?version=1").json().path("alerts").size()).isZero();
    assertParamsError(api.get("/v1/alerts?version=3"), "version");
    assertParamsError(api.get("/v1/alerts?orderby=name"), "orderby");
  }

  @Test
  void listIsPaginated() {
    for (int i = 0; i < 5; i++) {
      create("{\"name\":\"a" + i + "\"}");
    }

    JsonNode page = api.get("/v1/alerts?offset=3&length=3").json();

    assertThat(page.path("query").toString()).isEqualTo("{\"found\":5,\"length\":2,\"offset\":3,\"total\":5}");
    assertThat(page.path("alerts").findValuesAsText("name")).containsExactly("a3", "a4");
  }

  @Test
  void attachAndDetachServices() {
    long id = create("{\"name\":\"svc\"}");

    Reply attached = api.post("/v1/alerts/" + id + "/services", "{\"service\":2}");

    assertThat(attached.status()).isEqualTo(201);
    assertThat(attached.header("Location")).contains("/v1/alerts/" + id + "/services/2");
    assertThat(api.get("/v1/alerts/" + id).json().path("services").findValuesAsText("title"))
        .containsExactly("ops slack");
    assertThat(api.call("POST", "/v1/alerts/" + id + "/services", "application/x-www-form-urlencoded", "service=1")
            .status())
        .isEqualTo(201);
    assertAlreadyExists(api.post("/v1/alerts/" + id + "/services", "{\"service\":2}"), "service");
    assertParamsError(api.post("/v1/alerts/" + id + "/services", "{\"service\":42}"), "service");
    assertParamsError(api.post("/v1/alerts/" + id + "/services", "{}"), "service");
    api.delete("/v1/alerts/" + id + "/services/1");
    assertThat(api.call("POST", "/v1/alerts/" + id + "/services?service=1", null, null).status()).isEqualTo(201);

    assertThat(api.delete("/v1/alerts/" + id + "/services/2").status()).isEqualTo(204);
    assertThat(api.get("/v1/alerts/" + id).json().path("services").findValuesAsText("title"))
        .containsExactly("ops mail");
    assertNotFound(api.delete("/v1/alerts/" + id + "/services/2"));
  }

  @Test
  void deletingAServiceDetachesItFromAlerts() {
    long id = create("{\"name\":\"svc\",\"services\":[1,2]}");

    api.delete("/v1/services/1");

    assertThat(api.get("/v1/alerts/" + id).json().path("services").findValuesAsText("title"))
        .containsExactly("ops slack");
  }

  @Test
  void statusIsOkAndClearAnswers204() {
    long id = create("{\"name\":\"st\"}");

    JsonNode status = api.get("/v1/alerts/" + id + "/status").json();

    assertThat(status.toString()).isEqualTo("{\"alert\":{\"id\":" + id + "},\"status\":\"ok\"}");
    assertThat(api.post("/v1/alerts/" + id + "/clear", "").status()).isEqualTo(204);
    assertThat(api.get("/v1/alerts/status").json().toString()).isEqualTo("{\"firing\":[],\"cleared\":[]}");
  }
}
