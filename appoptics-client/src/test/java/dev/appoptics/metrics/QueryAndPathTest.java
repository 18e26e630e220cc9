package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class QueryAndPathTest {
  @Test
  void encodesInOrderWithListsAndTagFilters() {
    Query q = Query.create()
        .add("name", "abcd")
        .add("skipped", null)
        .add("also skipped", Optional.empty())
        .add("length", OptionalInt.of(5))
        .addAll("sources", List.of("a", "b"))
        .tag("host", "web 1");
    assertThat(q.encode())
        .isEqualTo("name=abcd&length=5&sources%5B%5D=a&sources%5B%5D=b&tags%5Bhost%5D=web%201");
  }

  @Test
  void emptyQueryEncodesToNothing() {
    assertThat(Query.create().encode()).isEmpty();
    assertThat(Query.create().isEmpty()).isTrue();
  }

  @Test
  void setReplacesAndCopyIsIndependent() {
    Query q = Query.create().add("offset", 0).add("name", "x");
    Query copy = q.copy().set("offset", 100);
    assertThat(q.encode()).isEqualTo("offset=0&name=x");
    assertThat(copy.encode()).isEqualTo("name=x&offset=100");
  }

  @Test
  void pathSegmentsAreEscaped() {
    assertThat(Rest.path("metrics", "a b")).isEqualTo("metrics/a%20b");
    assertThat(Rest.path("annotations", "x/y?z#w")).isEqualTo("annotations/x%2Fy%3Fz%23w");
    assertThat(Rest.path("spaces", 12, "charts")).isEqualTo("spaces/12/charts");
    assertThat(Rest.path("metrics", "..")).isEqualTo("metrics/%2E%2E");
    assertThat(Rest.path("metrics", "héllo")).isEqualTo("metrics/h%C3%A9llo");
    assertThat(Rest.path("metrics", "cpu.load:1m_x-y~")).isEqualTo("metrics/cpu.load%3A1m_x-y~");
  }
}
