package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The two shapes in which annotation events have been seen grouped by source. */
class AnnotationCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsEventsGroupedInTheDocumentedListForm() throws Exception {
    JsonNode node =
        JSON.readTree(
            "{\"name\":\"deploys\",\"display_name\":null,\"events\":[{\"unassigned\":[{\"id\":1,\"title\":\"a\","
                + "\"start_time\":100,\"end_time\":null,\"links\":[]}],\"web1\":[{\"id\":2,\"title\":\"b\","
                + "\"source\":\"web1\",\"start_time\":50}]}]}");

    AnnotationStream stream = AnnotationCodec.stream(node);

    assertThat(stream.displayName()).isEmpty();
    assertThat(stream.events()).containsOnlyKeys("unassigned", "web1");
    assertThat(stream.allEvents()).extracting(AnnotationEvent::title).containsExactly("b", "a");
  }

  @Test
  void readsEventsGroupedInTheObjectForm() throws Exception {
    JsonNode node =
        JSON.readTree(
            "{\"name\":\"deploys\",\"display_name\":\"Deploys\",\"events\":{\"web1\":[{\"id\":\"7\",\"title\":\"b\","
                + "\"source\":\"web1\",\"start_time\":50,\"links\":[{\"rel\":\"ci\",\"href\":\"https://ci\"}]}]}}");

    AnnotationStream stream = AnnotationCodec.stream(node);

    assertThat(stream.displayName()).contains("Deploys");
    AnnotationEvent event = stream.events().get("web1").get(0);
    assertThat(event.id()).hasValue(7);
    assertThat(event.links()).containsExactly(Link.of("ci", "https://ci"));
  }

  @Test
  void writesNoNulls() {
    JsonNode json = AnnotationCodec.toJson(AnnotationEvent.builder("only a title").build());

    assertThat(json.toString()).isEqualTo("{\"title\":\"only a title\"}");
  }
}
