package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SpacesTest {
  @RegisterExtension static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final AppOptics api = EMULATOR.connect();

  @Test
  void createsReadsRenamesAndDeletesASpace() {
    Space created = api.createSpace("Production");
    assertThat(created.name()).isEqualTo("Production");
    assertThat(created.chartIds()).isEmpty();

    assertThat(api.getSpace(created.id())).isEqualTo(created);

    api.updateSpace(created.withName("Production EU"));
    assertThat(api.getSpace(created.id()).name()).isEqualTo("Production EU");

    api.deleteSpace(created.id());
    assertThatThrownBy(() -> api.getSpace(created.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void getSpaceReportsItsChartIds() {
    Space space = api.createSpace("With charts");
    Chart a = api.createChart(space, Chart.builder("a").build());
    Chart b = api.createChart(space, Chart.builder("b").build());

    assertThat(api.getSpace(space.id()).chartIds())
        .containsExactly(a.id().getAsLong(), b.id().getAsLong());
  }

  @Test
  void listsEveryPageLazily() {
    IntStream.range(0, 7).forEach(i -> api.createSpace("space-" + i));

    long before = requests();
    List<String> names;
    try (Stream<Space> spaces = api.listSpaces(ListOptions.builder().length(3).build())) {
      names = spaces.map(Space::name).toList();
    }

    assertThat(names).containsExactlyInAnyOrder(IntStream.range(0, 7).mapToObj(i -> "space-" + i).toArray(String[]::new));
    assertThat(requests() - before).as("pages of 3, 3 and 1").isEqualTo(3);
  }

  @Test
  void listsAllSpacesWithoutOptions() {
    Space a = api.createSpace("a");
    Space b = api.createSpace("b");

    try (Stream<Space> spaces = api.listSpaces()) {
      assertThat(spaces.map(Space::id)).containsExactlyInAnyOrder(a.id(), b.id());
    }
  }

  @Test
  void listFiltersByName() {
    api.createSpace("web frontend");
    api.createSpace("Web backend");
    api.createSpace("database");

    try (Stream<Space> spaces = api.listSpaces(ListOptions.named("web"))) {
      assertThat(spaces.map(Space::name)).containsExactlyInAnyOrder("web frontend", "Web backend");
    }
  }

  @Test
  void stoppingEarlyFetchesNoFurtherPages() {
    IntStream.range(0, 5).forEach(i -> api.createSpace("s" + i));

    long before = requests();
    try (Stream<Space> spaces = api.listSpaces(ListOptions.builder().length(2).build())) {
      assertThat(spaces.limit(1).map(Space::name).toList()).hasSize(1);
    }
    assertThat(requests() - before).isEqualTo(1);
  }

  @Test
  void namesAreNotUniqueAndFindSpaceReturnsTheFirstInListOrder() {
    Space first = api.createSpace("Ops");
    api.createChart(first, Chart.builder("cpu").build());
    Space second = api.createSpace("ops");

    assertThat(second.id()).isNotEqualTo(first.id());
    try (Stream<Space> listed = api.listSpaces(ListOptions.named("ops"))) {
      assertThat(listed.map(Space::id)).containsExactly(first.id(), second.id());
    }
    assertThat(api.findSpace("OPS")).contains(api.getSpace(first.id()));
  }

  @Test
  void anEmulatorWithUniqueSpaceNamesRefusesASecondOne() {
    try (AppOpticsEmulator strict = AppOpticsEmulator.builder().uniqueSpaceNames(true).start();
        AppOptics strictApi = AppOptics.builder().token("test-token").baseUri(strict.baseUri()).build()) {
      strictApi.createSpace("unique");

      assertThatThrownBy(() -> strictApi.createSpace("Unique"))
          .isInstanceOfSatisfying(
              UnprocessableEntityException.class, e -> assertThat(e.errorMessage()).contains("already exists"));
    }
  }

  private static long requests() {
    return EMULATOR.emulator().stats().requests();
  }

  @Test
  void findSpaceMatchesTheWholeNameIgnoringCase() {
    Space ops = api.createSpace("Ops");
    api.createSpace("Ops archive");

    Optional<Space> found = api.findSpace("ops");

    assertThat(found).contains(api.getSpace(ops.id()));
    assertThat(api.findSpace("op")).isEmpty();
  }

  @Test
  void unknownSpaceIsNotFound() {
    assertThatThrownBy(() -> api.getSpace(987654))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((AppOpticsException) e).status()).isEqualTo(404));
    assertThatThrownBy(() -> api.deleteSpace(987654)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> api.listChartsInSpace(987654)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void blankNamesAreRefusedBeforeSending() {
    assertThatThrownBy(() -> api.createSpace(" "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    Space space = api.createSpace("kept");
    assertThatThrownBy(() -> space.withName(""))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }
}
