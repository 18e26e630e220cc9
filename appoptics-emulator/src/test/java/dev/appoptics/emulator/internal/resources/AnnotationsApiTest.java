package dev.appoptics.emulator.internal.resources;

import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertAlreadyExists;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertNotFound;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertParamsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.AppOpticsEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationsApiTest extends ApiTestBase {
  private static final String DEPLOYS = "/v1/annotations/api-deploys";

  private long post(String stream, String body) {
    Reply reply = api.post("/v1/annotations/" + stream, body);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.id();
  }

  @Test
  void firstEventCreatesTheStreamAndAnswers201WithLocationAndEvent() {
    Reply reply =
        api.post(DEPLOYS, "{\"title\":\"Deployed v29\",\"start_time\":1234567890,"
            + "\"links\":[{\"rel\":\"github\",\"label\":\"Commit\",\"href\":\"https://g/1\"}]}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).contains(DEPLOYS + "/1");
    JsonNode event = reply.json();
    assertThat(event.path("id").asLong()).isEqualTo(1);
    assertThat(event.path("title").asText()).isEqualTo("Deployed v29");
    assertThat(event.path("description").isNull()).isTrue();
    assertThat(event.path("source").isNull()).isTrue();
    assertThat(event.path("start_time").asLong()).isEqualTo(1234567890L);
    assertThat(event.path("end_time").isNull()).isTrue();
    assertThat(event.path("links").toString())
        .isEqualTo("[{\"rel\":\"github\",\"label\":\"Commit\",\"href\":\"https://g/1\"}]");
    assertThat(api.get(DEPLOYS).json().toString())
        .isEqualTo("{\"name\":\"api-deploys\",\"display_name\":\"api-deploys\"}");
  }

  @Test
  void startTimeDefaultsToNow() {
    JsonNode event = api.post(DEPLOYS, Map.of("title", "t")).json();

    assertThat(event.path("start_time").asLong()).isPositive();
  }

  @Test
  void eventValidation() {
    assertParamsError(api.post(DEPLOYS, "{}"), "title");
    assertParamsError(api.post(DEPLOYS, "{\"title\":\"\"}"), "title");
    // The Go client's stream update posts a bare JSON string here.
    assertParamsError(api.post(DEPLOYS, "\"new display name\""), "title");
    assertParamsError(api.post(DEPLOYS, "{\"title\":\"t\",\"start_time\":\"soon\"}"), "start_time");
    assertParamsError(api.post(DEPLOYS, "{\"title\":\"t\",\"description\":1}"), "description");
    assertParamsError(api.post(DEPLOYS, "{\"title\":\"t\",\"source\":[]}"), "source");
    assertParamsError(api.post(DEPLOYS, "{\"title\":\"t\",\"links\":{}}"), "links");
    assertParamsError(api.post(DEPLOYS, "{\"title\":\"t\",\"start_time\":100,\"end_time\":50}"), "end_time");
    assertParamsError(api.post(DEPLOYS, "{\"title\":\"t\",\"links\":[{\"rel\":\"a\"}]}"), "links");
    assertParamsError(api.post(DEPLOYS, "{\"title\":\"t\",\"links\":[{\"href\":\"h\"}]}"), "links");
    assertParamsError(
        api.post(DEPLOYS, "{\"title\":\"t\",\"links\":[{\"rel\":\"a\",\"href\":\"h\"},{\"rel\":\"a\",\"href\":\"i\"}]}"),
        "links");
    assertParamsError(api.post("/v1/annotations/has%20space", "{\"title\":\"t\"}"), "name");
    assertNotFound(api.get(DEPLOYS));
  }

  @Test
  void eventsAreGroupedBySourceInOneObject() {
    post("api-deploys", "{\"title\":\"a\",\"start_time\":100}");
    post("api-deploys", "{\"title\":\"b\",\"start_time\":300,\"source\":\"host1\"}");
    post("api-deploys", "{\"title\":\"c\",\"start_time\":200}");

    JsonNode got = api.get(DEPLOYS + "?start_time=0").json();

    assertThat(got.path("name").asText()).isEqualTo("api-deploys");
    JsonNode events = got.path("events");
    assertThat(events.isObject()).isTrue();
    assertThat(events.path("unassigned").findValuesAsText("title")).containsExactly("a", "c");
    assertThat(events.path("host1").findValuesAsText("title")).containsExactly("b");
  }

  @Test
  void theDocumentedListFormIsASetting() {
    try (AppOpticsEmulator listForm = AppOpticsEmulator.builder().annotationEventsAsList(true).start()) {
      Api listApi = new HttpApi(() -> listForm);
      listApi.post(DEPLOYS, "{\"title\":\"a\",\"start_time\":100}");
      listApi.post(DEPLOYS, "{\"title\":\"b\",\"start_time\":300,\"source\":\"host1\"}");

      JsonNode events = listApi.get(DEPLOYS + "?start_time=0").json().path("events");

      assertThat(events.isArray()).isTrue();
      assertThat(events.size()).isEqualTo(1);
      assertThat(events.get(0).path("unassigned").findValuesAsText("title")).containsExactly("a");
      assertThat(events.get(0).path("host1").findValuesAsText("title")).containsExactly("b");
      assertThat(listApi.get(DEPLOYS + "?start_time=1000").json().path("events").toString()).isEqualTo("[{}]");
    }
  }

  @Test
  void timeWindowCountAndSourceFilters() {
    post("api-deploys", "{\"title\":\"a\",\"start_time\":100,\"source\":\"web-1\"}");
    post("api-deploys", "{\"title\":\"b\",\"start_time\":200,\"source\":\"web-2\"}");
    post("api-deploys", "{\"title\":\"c\",\"start_time\":300,\"source\":\"db-1\"}");
    post("api-deploys", "{\"title\":\"d\",\"start_time\":400}");

    assertThat(titles(DEPLOYS + "?start_time=150&end_time=300")).containsExactlyInAnyOrder("b", "c");
    assertThat(titles(DEPLOYS + "?count=2")).containsExactlyInAnyOrder("c", "d");
    assertThat(titles(DEPLOYS + "?start_time=0&sources%5B%5D=web*")).containsExactlyInAnyOrder("a", "b");
    assertThat(titles(DEPLOYS + "?start_time=0&sources%5B%5D=db-1&sources%5B%5D=unassigned"))
        .containsExactlyInAnyOrder("c", "d");
    assertThat(api.get(DEPLOYS + "?start_time=1000").json().path("events").toString()).isEqualTo("{}");
    assertParamsError(api.get(DEPLOYS + "?count=0"), "count");
    assertParamsError(api.get(DEPLOYS + "?start_time=x"), "start_time");
  }

  private static List<String> titles(String path) {
    return api.get(path).json().path("events").findValuesAsText("title");
  }

  @Test
  void getOneEvent() {
    long id = post("api-deploys", "{\"title\":\"one\",\"description\":\"d\"}");

    JsonNode event = api.get(DEPLOYS + "/" + id).json();

    assertThat(event.path("title").asText()).isEqualTo("one");
    assertThat(event.path("description").asText()).isEqualTo("d");
    post("other", "{\"title\":\"x\"}");
    assertNotFound(api.get("/v1/annotations/other/" + id));
    assertNotFound(api.get(DEPLOYS + "/99"));
    assertNotFound(api.get(DEPLOYS + "/abc"));
    assertNotFound(api.get("/v1/annotations/missing/" + id));
  }

  @Test
  void listStreamsIsPaginatedWithNameFilter() {
    post("deploys-web", "{\"title\":\"t\"}");
    post("backups", "{\"title\":\"t\"}");
    post("Deploys-db", "{\"title\":\"t\"}");

    JsonNode all = api.get("/v1/annotations").json();
    assertThat(all.path("query").toString()).isEqualTo("{\"found\":3,\"length\":3,\"offset\":0,\"total\":3}");
    assertThat(all.path("annotations").get(0).toString())
        .isEqualTo("{\"name\":\"backups\",\"display_name\":\"backups\"}");
    JsonNode filtered = api.get("/v1/annotations?name=deploys&length=1&offset=1").json();
    assertThat(filtered.path("query").path("found").asInt()).isEqualTo(2);
    assertThat(filtered.path("annotations").findValuesAsText("name")).containsExactly("deploys-web");
  }

  @Test
  void updateStreamChangesTheDisplayName() {
    post("api-deploys", "{\"title\":\"t\"}");

    Reply reply = api.put(DEPLOYS, "{\"name\":\"api-deploys\",\"display_name\":\"Deploys to API\"}");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(api.get(DEPLOYS).json().path("display_name").asText()).isEqualTo("Deploys to API");
    assertThat(api.put(DEPLOYS, "{\"name\":\"api-deploys\",\"display_name\":null}").status()).isEqualTo(204);
    assertThat(api.get(DEPLOYS).json().path("display_name").asText()).isEqualTo("Deploys to API");
    assertParamsError(api.put(DEPLOYS, "{\"display_name\":5}"), "display_name");
    assertNotFound(api.put("/v1/annotations/missing", "{\"display_name\":\"x\"}"));
  }

  @Test
  void updateEventChangesOnlyWhatIsSent() {
    long id = post("api-deploys", "{\"title\":\"t\",\"description\":\"d\",\"start_time\":100}");

    Reply reply = api.put(DEPLOYS + "/" + id, "{\"end_time\":160,\"links\":[{\"rel\":\"ci\",\"href\":\"https://ci\"}]}");

    assertThat(reply.status()).isEqualTo(204);
    JsonNode event = api.get(DEPLOYS + "/" + id).json();
    assertThat(event.path("title").asText()).isEqualTo("t");
    assertThat(event.path("description").asText()).isEqualTo("d");
    assertThat(event.path("end_time").asLong()).isEqualTo(160);
    assertThat(event.path("links").get(0).path("rel").asText()).isEqualTo("ci");
    assertParamsError(api.put(DEPLOYS + "/" + id, "{\"title\":null}"), "title");
    assertParamsError(api.put(DEPLOYS + "/" + id, "{\"end_time\":50}"), "end_time");
    assertNotFound(api.put(DEPLOYS + "/99", "{\"title\":\"x\"}"));
  }

  @Test
  void linksCanBeAddedAndRemoved() {
    long id = post("api-deploys", "{\"title\":\"t\"}");
    String links = DEPLOYS + "/" + id + "/links";

    Reply reply = api.post(links, "{\"rel\":\"github\",\"href\":\"https://g\",\"label\":\"Commit\"}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).contains(links + "/github");
    assertThat(reply.json().toString()).isEqualTo("{\"rel\":\"github\",\"label\":\"Commit\",\"href\":\"https://g\"}");
    assertThat(api.get(DEPLOYS + "/" + id).json().path("links").size()).isEqualTo(1);
    assertAlreadyExists(api.post(links, "{\"rel\":\"github\",\"href\":\"https://h\"}"), "rel");
    assertParamsError(api.post(links, "{\"rel\":\"x\"}"), "href");
    assertParamsError(api.post(links, "{\"href\":\"x\"}"), "rel");
    assertNotFound(api.post(DEPLOYS + "/99/links", "{\"rel\":\"x\",\"href\":\"y\"}"));

    assertThat(api.delete(links + "/github").status()).isEqualTo(204);
    assertThat(api.get(DEPLOYS + "/" + id).json().path("links").size()).isZero();
    assertNotFound(api.delete(links + "/github"));
  }

  @Test
  void deletes() {
    long a = post("api-deploys", "{\"title\":\"a\"}");
    long b = post("api-deploys", "{\"title\":\"b\"}");

    assertThat(api.delete(DEPLOYS + "/" + a).status()).isEqualTo(204);
    assertNotFound(api.get(DEPLOYS + "/" + a));
    assertThat(api.get(DEPLOYS + "/" + b).status()).isEqualTo(200);
    assertNotFound(api.delete(DEPLOYS + "/" + a));

    assertThat(api.delete(DEPLOYS).status()).isEqualTo(204);
    assertNotFound(api.get(DEPLOYS));
    assertNotFound(api.get(DEPLOYS + "/" + b));
    assertNotFound(api.delete(DEPLOYS));
  }
}
