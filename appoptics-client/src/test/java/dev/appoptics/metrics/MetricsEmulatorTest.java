package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Metric CRUD and listing against the emulator. */
class MetricsEmulatorTest {
  @RegisterExtension
  static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final AppOptics api = EMULATOR.connect();

  @Test
  void createGetUpdateDelete() {
    Metric created = api.createMetric(Metric.builder("cpu.temp").description("CPU temperature").period(60)
        .attributes(MetricAttributes.builder().displayUnitsShort("°C").displayMin(0).build()).build());
    assertThat(created.name()).isEqualTo("cpu.temp");
    assertThat(created.type()).isEqualTo(Metric.GAUGE);
    assertThat(created.description()).contains("CPU temperature");
    assertThat(created.period()).hasValue(60);
    assertThat(created.attributes().displayUnitsShort()).contains("°C");

    api.updateMetric(Metric.builder("cpu.temp").description("Die temperature").build());
    api.update("cpu.temp", MetricAttributes.builder().displayUnitsShort("K").set("custom_thing", 3).build());
    Metric read = api.get("cpu.temp");
    assertThat(read.description()).contains("Die temperature");
    assertThat(read.period()).hasValue(60);
    assertThat(read.attributes().displayUnitsShort()).contains("K");
    assertThat(read.attributes().other()).containsEntry("custom_thing", 3);
    assertThat(api.getMetric("cpu.temp")).isEqualTo(read);

    api.deleteMetric("cpu.temp");
    assertThatThrownBy(() -> api.getMetric("cpu.temp"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.path()).isEqualTo("/v1/metrics/cpu.temp");
          assertThat(e.errors()).isNotEmpty();
        });
  }

  @Test
  void createAliasAndUpsert() {
    assertThat(api.create("plain").type()).isEqualTo("gauge");
    assertThat(api.create(Metric.builder("plain").description("again").build()).description()).contains("again");
  }

  @Test
  void deleteManyInOneRequest() {
    List.of("a1", "a2", "a3").forEach(api::createMetric);
    long before = EMULATOR.emulator().stats().requests();
    api.delete(List.of("a1", "a2", "never-existed"));
    assertThat(EMULATOR.emulator().stats().requests()).isEqualTo(before + 1);
    assertThat(api.listAllMetrics().map(Metric::name)).containsExactly("a3");
  }

  @Test
  void listOnePageWithFilterOffsetLength() {
    IntStream.range(0, 7).forEach(i -> api.createMetric("web.req" + i));
    api.createMetric("db.query");
    Page<Metric> page = api.listMetrics(ListOptions.builder().name("web").offset(2).length(3).build());
    assertThat(page.items()).extracting(Metric::name).containsExactly("web.req2", "web.req3", "web.req4");
    assertThat(page.found()).isEqualTo(7);
    assertThat(page.total()).isEqualTo(8);
    assertThat(page.offset()).isEqualTo(2);
    assertThat(page.length()).isEqualTo(3);
    assertThat(page.hasMore()).isTrue();
    assertThat(api.listMetrics().items()).hasSize(8);
  }

  @Test
  void listAllPaginatesLazilyAcrossSeveralPages() {
    IntStream.range(0, 23).forEach(i -> api.createMetric(String.format("m%02d", i)));
    long before = EMULATOR.emulator().stats().requests();
    List<String> names = api.listAllMetrics(ListOptions.builder().length(5).build()).map(Metric::name).toList();
    assertThat(names).hasSize(23).doesNotHaveDuplicates().startsWith("m00").endsWith("m22");
    assertThat(EMULATOR.emulator().stats().requests() - before).isEqualTo(5);

    long mid = EMULATOR.emulator().stats().requests();
    assertThat(api.listAllMetrics(ListOptions.builder().length(5).build()).limit(6).count()).isEqualTo(6);
    assertThat(EMULATOR.emulator().stats().requests() - mid).isEqualTo(2);
    assertThat(api.listAllMetrics(ListOptions.named("zzz")).count()).isZero();
  }

  @Test
  void namesWithReservedCharactersAreEscapedInPaths() {
    api.createMetric("a:b.c-d_e");
    assertThat(api.getMetric("a:b.c-d_e").name()).isEqualTo("a:b.c-d_e");
    api.deleteMetric("a:b.c-d_e");
    assertThat(api.listAllMetrics().count()).isZero();
  }

  @Test
  void submitCreatesAGaugeVisibleInTheList() {
    api.submit("auto.created", 1, Map.of("h", "x"));
    Metric m = api.getMetric("auto.created");
    assertThat(m.type()).isEqualTo("gauge");
    assertThat(m.attributes().createdByUa()).hasValueSatisfying(ua -> assertThat(ua).startsWith("appoptics-java/"));
  }
}
