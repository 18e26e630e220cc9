package dev.appoptics.emulator.internal.resources;

import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertAlreadyExists;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertNotFound;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertParamsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.AppOpticsEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpacesApiTest extends ApiTestBase {

  @Test
  void createAnswers201WithLocationAndIdAndName() {
    Reply reply = api.post("/v1/spaces", Map.of("name", "CPUs"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).contains("/v1/spaces/1");
    assertThat(reply.json().path("id").asLong()).isEqualTo(1);
    assertThat(reply.json().path("name").asText()).isEqualTo("CPUs");
  }

  @Test
  void idsCountFromOnePerResourceType() {
    assertThat(api.post("/v1/spaces", Map.of("name", "a")).id()).isEqualTo(1);
    assertThat(api.post("/v1/spaces", Map.of("name", "b")).id()).isEqualTo(2);
  }

  @Test
  void createAcceptsThePythonTagsFlag() {
    Reply reply = api.post("/v1/spaces", "{\"name\":\"tagged\",\"tags\":false}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(api.get("/v1/spaces/" + reply.id()).json().path("tags").asBoolean(true)).isFalse();
  }

  @Test
  void nameIsRequired() {
    assertParamsError(api.post("/v1/spaces", Map.of()), "name");
    assertParamsError(api.post("/v1/spaces", "{\"name\":\"\"}"), "name");
    assertParamsError(api.post("/v1/spaces", "{\"name\":null}"), "name");
    assertParamsError(api.post("/v1/spaces", "{\"name\":12}"), "name");
  }

  @Test
  void namesAreNotUnique() {
    long first = api.post("/v1/spaces", Map.of("name", "CPUs")).id();

    Reply again = api.post("/v1/spaces", Map.of("name", "CPUs"));

    assertThat(again.status()).isEqualTo(201);
    assertThat(again.id()).isNotEqualTo(first);
    assertThat(api.get("/v1/spaces?name=CPUs").json().path("spaces").findValuesAsText("id"))
        .containsExactly(String.valueOf(first), String.valueOf(again.id()));
    long other = api.post("/v1/spaces", Map.of("name", "other")).id();
    assertThat(api.put("/v1/spaces/" + other, Map.of("name", "cpus")).status()).isEqualTo(204);
  }

  @Test
  void uniqueNamesAreASetting() {
    try (AppOpticsEmulator strict = AppOpticsEmulator.builder().uniqueSpaceNames(true).start()) {
      Api strictApi = new HttpApi(() -> strict);
      long id = strictApi.post("/v1/spaces", Map.of("name", "CPUs")).id();
      long other = strictApi.post("/v1/spaces", Map.of("name", "other")).id();

      assertAlreadyExists(strictApi.post("/v1/spaces", Map.of("name", "cpus")), "name");
      assertAlreadyExists(strictApi.put("/v1/spaces/" + other, Map.of("name", "CPUS")), "name");
      assertThat(strictApi.put("/v1/spaces/" + id, Map.of("name", "cpus")).status()).isEqualTo(204);
    }
  }

  @Test
  void malformedJsonIs400() {
    Reply reply = api.post("/v1/spaces", "{\"name\":");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("errors").path("request").isArray()).isTrue();
  }

  @Test
  void getShowsChartIds() {
    long space = api.post("/v1/spaces", Map.of("name", "CPUs")).id();
    long c1 = api.post("/v1/spaces/" + space + "/charts", Map.of("name", "one")).id();
    long c2 = api.post("/v1/spaces/" + space + "/charts", Map.of("name", "two")).id();

    JsonNode got = api.get("/v1/spaces/" + space).json();

    assertThat(got.path("id").asLong()).isEqualTo(space);
    assertThat(got.path("name").asText()).isEqualTo("CPUs");
    assertThat(got.path("charts").toString()).isEqualTo("[{\"id\":" + c1 + "},{\"id\":" + c2 + "}]");
  }

  @Test
  void unknownOrNonNumericIdIs404() {
    assertNotFound(api.get("/v1/spaces/99"));
    assertNotFound(api.get("/v1/spaces/abc"));
    assertNotFound(api.put("/v1/spaces/99", Map.of("name", "x")));
    assertNotFound(api.delete("/v1/spaces/99"));
  }

  @Test
  void renameAnswers204AndShows() {
    long id = api.post("/v1/spaces", Map.of("name", "old")).id();

    Reply reply = api.put("/v1/spaces/" + id, Map.of("name", "new"));

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.text()).isEmpty();
    assertThat(api.get("/v1/spaces/" + id).json().path("name").asText()).isEqualTo("new");
  }

  @Test
  void renameValidatesName() {
    long id = api.post("/v1/spaces", Map.of("name", "one")).id();

    assertParamsError(api.put("/v1/spaces/" + id, Map.of()), "name");
    assertParamsError(api.put("/v1/spaces/" + id, Map.of("name", " ")), "name");
  }

  @Test
  void deleteRemovesTheSpaceAndItsCharts() {
    long id = api.post("/v1/spaces", Map.of("name", "gone")).id();
    long chart = api.post("/v1/spaces/" + id + "/charts", Map.of("name", "c")).id();

    assertThat(api.delete("/v1/spaces/" + id).status()).isEqualTo(204);

    assertNotFound(api.get("/v1/spaces/" + id));
    assertNotFound(api.get("/v1/spaces/" + id + "/charts/" + chart));
  }

  @Test
  void listIsPaginatedAndSortedByName() {
    for (String n : new String[] {"delta", "alpha", "charlie", "bravo"}) {
      api.post("/v1/spaces", Map.of("name", n));
    }

    JsonNode page = api.get("/v1/spaces?offset=1&length=2").json();

    assertThat(page.path("query").toString())
        .isEqualTo("{\"found\":4,\"length\":2,\"offset\":1,\"total\":4}");
    assertThat(page.path("spaces").toString())
        .isEqualTo("[{\"id\":4,\"name\":\"bravo\"},{\"id\":3,\"name\":\"charlie\"}]");
    assertThat(api.get("/v1/spaces?sort=desc&length=1").json().path("spaces").get(0).path("name").asText())
        .isEqualTo("delta");
  }

  @Test
  void listFiltersByNameSubstringIgnoringCase() {
    api.post("/v1/spaces", Map.of("name", "Web Servers"));
    api.post("/v1/spaces", Map.of("name", "Databases"));
    api.post("/v1/spaces", Map.of("name", "web front"));

    JsonNode page = api.get("/v1/spaces?name=WEB").json();

    assertThat(page.path("query").path("found").asInt()).isEqualTo(2);
    assertThat(page.path("query").path("total").asInt()).isEqualTo(3);
    assertThat(page.path("spaces").findValuesAsText("name")).containsExactly("web front", "Web Servers");
  }

  @Test
  void listRejectsBadPagingAndOrder() {
    assertParamsError(api.get("/v1/spaces?length=101"), "length");
    assertParamsError(api.get("/v1/spaces?offset=-1"), "offset");
    assertParamsError(api.get("/v1/spaces?orderby=id"), "orderby");
    assertParamsError(api.get("/v1/spaces?sort=up"), "sort");
  }
}
