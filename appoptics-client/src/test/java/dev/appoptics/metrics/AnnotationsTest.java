package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnnotationsTest {
  @RegisterExtension static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final Instant now = Instant.now().minusSeconds(60).with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
  private final AppOptics api = EMULATOR.connect();

  @Test
  void postingAnEventCreatesTheStreamAndKeepsEveryField() {
    AnnotationEvent sent =
        AnnotationEvent.builder("Deployed v29")
            .description("shop 29, build 1234")
            .source("web1")
            .startTime(now.minusSeconds(30))
            .endTime(now)
            .link(Link.of("github", "https://github.com/acme/shop/releases/v29", "Release"))
            .link(Link.of("ci", "https://ci.example.com/1234"))
            .build();

    AnnotationEvent posted = api.postAnnotation("deploys", sent);

    assertThat(posted.id()).isPresent();
    assertThat(posted.toBuilder().build()).isEqualTo(posted);
    assertThat(withoutId(posted)).isEqualTo(sent);
    assertThat(api.getAnnotation("deploys", posted.id().getAsLong())).isEqualTo(posted);
    assertThat(api.getAnnotationStream("deploys").name()).isEqualTo("deploys");
  }

  @Test
  void aStreamReadWithAWindowGroupsItsEventsBySource() {
    AnnotationEvent web = api.postAnnotation("deploys", event("web deploy", "web1", now.minusSeconds(20)));
    AnnotationEvent db = api.postAnnotation("deploys", event("db migration", "db1", now.minusSeconds(10)));
    AnnotationEvent none = api.postAnnotation("deploys", AnnotationEvent.builder("manual").startTime(now).build());
    api.postAnnotation("deploys", event("long ago", "web1", now.minus(Duration.ofDays(3))));

    AnnotationStream stream =
        api.getAnnotationStream("deploys", AnnotationQuery.between(now.minusSeconds(60), now.plusSeconds(60)));

    assertThat(stream.events()).containsOnlyKeys("web1", "db1", AnnotationStream.UNASSIGNED);
    assertThat(stream.events().get("web1")).containsExactly(web);
    assertThat(stream.events().get("db1")).containsExactly(db);
    assertThat(stream.events().get(AnnotationStream.UNASSIGNED)).containsExactly(none);
    assertThat(stream.allEvents()).containsExactly(web, db, none);
  }

  @Test
  void eventsReadTheSameInTheServicesObjectFormAndTheDocumentedListForm() {
    List<String> log = new CopyOnWriteArrayList<>();
    try (AppOpticsEmulator listForm =
            AppOpticsEmulator.builder().annotationEventsAsList(true).requestLog(log::add).logBodies(true).start();
        AppOptics listApi = AppOptics.builder().token("test-token").baseUri(listForm.baseUri()).build()) {
      for (AppOptics client : List.of(api, listApi)) {
        client.postAnnotation("deploys", event("web deploy", "web1", now.minusSeconds(20)));
        client.postAnnotation("deploys", AnnotationEvent.builder("manual").startTime(now).build());
      }
      AnnotationQuery window = AnnotationQuery.between(now.minusSeconds(60), now.plusSeconds(60));

      AnnotationStream fromList = listApi.getAnnotationStream("deploys", window);
      AnnotationStream fromObject = api.getAnnotationStream("deploys", window);

      assertThat(log).last().asString().contains("< {\"name\":\"deploys\"").contains("\"events\":[{\"web1\":[");
      assertThat(fromList.events()).containsOnlyKeys("web1", AnnotationStream.UNASSIGNED);
      assertThat(fromList).isEqualTo(fromObject);
    }
  }

  @Test
  void aStreamCanBeRestrictedToSources() {
    api.postAnnotation("deploys", event("web", "web1", now));
    api.postAnnotation("deploys", event("web 2", "web2", now));
    api.postAnnotation("deploys", event("db", "db1", now));

    AnnotationStream web =
        api.getAnnotationStream("deploys", AnnotationQuery.since(now.minusSeconds(5)).withSources("web*"));

    assertThat(web.events()).containsOnlyKeys("web1", "web2");
  }

  @Test
  void aStreamReadWithoutAWindowHasNoEvents() {
    api.postAnnotation("quiet", "something happened");

    AnnotationStream stream = api.getAnnotationStream("quiet");

    assertThat(stream.events()).isEmpty();
  }

  @Test
  void listsStreamsPageByPageAndRenamesAndDeletesThem() {
    IntStream.range(0, 5).forEach(i -> api.postAnnotation("stream-" + i, "first"));

    try (Stream<AnnotationStream> streams = api.listAnnotationStreams(ListOptions.builder().length(2).build())) {
      assertThat(streams.map(AnnotationStream::name))
          .containsExactlyInAnyOrder("stream-0", "stream-1", "stream-2", "stream-3", "stream-4");
    }

    api.updateAnnotationStream("stream-1", "Stream One");
    assertThat(api.getAnnotationStream("stream-1").displayName()).contains("Stream One");

    api.deleteAnnotationStream("stream-1");
    assertThatThrownBy(() -> api.getAnnotationStream("stream-1")).isInstanceOf(NotFoundException.class);
    try (Stream<AnnotationStream> streams = api.listAnnotationStreams(ListOptions.named("stream-1"))) {
      assertThat(streams).isEmpty();
    }
  }

  @Test
  void unknownStreamsAndEventsAreNotFound() {
    assertThatThrownBy(() -> api.getAnnotationStream("nope")).isInstanceOf(NotFoundException.class);
    api.postAnnotation("exists", "x");
    assertThatThrownBy(() -> api.getAnnotation("exists", 987654)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void certainlyInvalidEventsFailBeforeSending() {
    assertThatThrownBy(() -> AnnotationEvent.builder(" ").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("title"));
    assertThatThrownBy(() -> AnnotationEvent.builder("t").startTime(now).endTime(now.minusSeconds(1)).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("end_time"));
    assertThatThrownBy(
            () -> AnnotationEvent.builder("t").link(Link.of("a", "https://a")).link(Link.of("a", "https://b")).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("links.rel"));
    assertThatThrownBy(() -> api.postAnnotation("bad name!", "t"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("stream"));
  }

  private static AnnotationEvent event(String title, String source, Instant start) {
    return AnnotationEvent.builder(title).source(source).startTime(start).build();
  }

  private static AnnotationEvent withoutId(AnnotationEvent e) {
    AnnotationEvent.Builder b = AnnotationEvent.builder(e.title()).links(e.links());
    e.description().ifPresent(b::description);
    e.source().ifPresent(b::source);
    e.startTime().ifPresent(b::startTime);
    e.endTime().ifPresent(b::endTime);
    return b.build();
  }
}
