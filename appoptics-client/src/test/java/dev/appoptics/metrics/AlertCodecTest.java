package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AlertCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aNewAlertIsSentWithoutNullsOrIds() {
    JsonNode json =
        AlertCodec.toJson(Alert.builder("cpu.high").addConditionFor("cpu").stopsReportingFor(300).and().build());

    assertThat(json.toString())
        .isEqualTo(
            "{\"name\":\"cpu.high\",\"conditions\":[{\"type\":\"absent\",\"metric_name\":\"cpu\",\"duration\":300,"
                + "\"tags\":[]}],\"services\":[],\"attributes\":{},\"active\":true}");
  }

  @Test
  void readsServicesAsObjectsOrIdsAndImmediateConditions() throws Exception {
    JsonNode node =
        JSON.readTree(
            "{\"id\":\"5\",\"name\":\"a\",\"description\":null,\"active\":true,\"rearm_seconds\":600,"
                + "\"conditions\":[{\"id\":9,\"type\":\"above\",\"metric_name\":\"cpu\",\"source\":null,"
                + "\"threshold\":1.5,\"duration\":0,\"summary_function\":\"average\"}],"
                + "\"services\":[{\"id\":1,\"type\":\"mail\",\"title\":\"m\",\"settings\":{\"addresses\":\"a@b\"}},2],"
                + "\"attributes\":{\"runbook_url\":\"https://r\",\"weight\":3}}");

    Alert alert = AlertCodec.alert(node);

    assertThat(alert.id()).hasValue(5);
    assertThat(alert.description()).isEmpty();
    assertThat(alert.serviceIds()).containsExactly(1L, 2L);
    assertThat(alert.services()).extracting(Service::title).containsExactly("m");
    assertThat(alert.conditions().get(0).isImmediate()).isTrue();
    assertThat(alert.attributes()).containsEntry("weight", 3L).containsEntry("runbook_url", "https://r");
    assertThat(AlertCodec.toJson(alert).get("attributes").toString()).isEqualTo(node.get("attributes").toString());
  }
}
