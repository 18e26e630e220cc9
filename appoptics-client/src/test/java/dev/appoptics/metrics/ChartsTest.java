package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChartsTest {
  @RegisterExtension static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final AppOptics api = EMULATOR.connect();
  private Space space;

  @BeforeEach
  void createSpace() {
    space = api.createSpace("Charts");
  }

  /** Every stream and chart field a caller can set, so a round trip shows whether any is dropped. */
  static Chart everything(String name) {
    ChartStream metric =
        ChartStream.metric("cpu.percent.user")
            .tag(StreamTag.of("environment", "prod*", "staging").grouped())
            .tag(StreamTag.dynamic("host"))
            .name("user CPU")
            .groupFunction("breakout")
            .summaryFunction("max")
            .transformFunction("x*100")
            .period(60)
            .min(0)
            .max(100)
            .unitsShort("%")
            .unitsLong("percent")
            .color("#1f77b4")
            .position(0)
            .splitAxis(true)
            .gapDetection(false)
            .build();
    ChartStream composite =
        ChartStream.composite("sum(s(\"requests\", \"*\"))")
            .name("requests")
            .summaryFunction("sum")
            .downsampleFunction("sum")
            .transformFunction("x/p")
            .period(300)
            .color("#ff7f0e")
            .position(1)
            .build();
    return Chart.builder(name)
        .type(ChartType.STACKED)
        .stream(metric)
        .stream(composite)
        .min(0)
        .max(250.5)
        .label("load")
        .relatedSpace(42)
        .useLogYAxis(true)
        .useLastValue(false)
        .build();
  }

  @Test
  void aCreatedChartComesBackWithEveryFieldItWasGiven() {
    Chart sent = everything("everything");

    Chart created = api.createChart(space, sent);
    Chart read = api.getChart(space, created.id().getAsLong());

    assertThat(read).isEqualTo(created);
    assertSameAsSent(read, sent);
    assertThat(read.streams()).allSatisfy(s -> assertThat(s.id()).isPresent());
    assertThat(read.streams().get(0).type()).contains("gauge");
    assertThat(read.streams().get(1).type()).contains("composite");
  }

  @Test
  void anUpdateReplacesTheStreamsAndKeepsEveryField() {
    Chart created = api.createChart(space, Chart.builder("cpu").stream(ChartStream.metric("cpu").build()).build());
    Chart changed =
        everything("cpu and requests").toBuilder().id(created.id().getAsLong()).build();

    Chart updated = api.updateChart(space, changed);

    assertSameAsSent(updated, changed);
    assertThat(api.getChart(space, created.id().getAsLong())).isEqualTo(updated);
    assertThat(updated.streams()).extracting(s -> s.metric().orElse("composite"))
        .containsExactly("cpu.percent.user", "composite");
  }

  @Test
  void renameKeepsStreamsAndOptions() {
    Chart created = api.createChart(space, everything("old name"));

    Chart renamed = api.renameChart(space, created, "new name");

    assertThat(renamed.name()).isEqualTo("new name");
    assertThat(renamed.withName("old name")).isEqualTo(created);
    assertThat(api.getChart(space.id(), created.id().getAsLong()).name()).isEqualTo("new name");
  }

  @Test
  void listsFindsAndDeletesCharts() {
    Chart cpu = api.createChart(space.id(), Chart.builder("CPU").build());
    Chart memory = api.createChart(space.id(), Chart.builder("Memory").build());

    assertThat(api.listChartsInSpace(space)).containsExactly(cpu, memory);
    assertThat(api.findChart(space, "memory")).contains(memory);
    assertThat(api.findChart(space, "mem")).isEmpty();

    api.deleteChart(space, cpu.id().getAsLong());

    assertThat(api.listChartsInSpace(space.id())).containsExactly(memory);
    assertThatThrownBy(() -> api.getChart(space, cpu.id().getAsLong())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void spaceChartsAddsEachChartKind() {
    SpaceCharts charts = api.charts(space);
    ChartStream cpu = ChartStream.metric("cpu").tag(StreamTag.of("host", "*")).build();

    Chart line = charts.addLineChart("line", cpu);
    Chart stacked = charts.addStackedChart("stacked", cpu, ChartStream.metric("mem").build());
    Chart big = charts.addBignumberChart("big", "requests");

    assertThat(line.type()).isEqualTo(ChartType.LINE);
    assertThat(stacked.type()).isEqualTo(ChartType.STACKED);
    assertThat(stacked.streams()).hasSize(2);
    assertThat(big.type()).isEqualTo(ChartType.BIGNUMBER);
    assertThat(big.useLastValue()).contains(true);
    assertThat(big.streams().get(0).summaryFunction()).contains("average");
    assertThat(charts.list()).containsExactly(line, stacked, big);
    assertThat(charts.find("BIG")).contains(big);
    assertThat(charts.get(line.id().getAsLong())).isEqualTo(line);

    Chart renamed = charts.rename(line, "line 2");
    charts.delete(stacked);

    assertThat(charts.list()).containsExactly(renamed, big);
  }

  @Test
  void spaceChartsByIdUpdatesCharts() {
    SpaceCharts charts = api.charts(space.id());
    Chart big =
        charts.addBignumberChart("errors", ChartStream.metric("errors").summaryFunction("sum").build(), false);

    Chart updated = charts.update(big.toBuilder().label("per minute").build());

    assertThat(charts.spaceId()).isEqualTo(space.id());
    assertThat(big.useLastValue()).contains(false);
    assertThat(updated.label()).contains("per minute");
    assertThat(updated.withName("errors")).isEqualTo(updated);
    assertThat(api.getChart(space.id(), big.id().getAsLong())).isEqualTo(updated);
  }

  @Test
  void aBignumberChartKeepsItsThresholds() {
    Chart sent =
        Chart.builder("errors")
            .type(ChartType.BIGNUMBER)
            .stream(ChartStream.metric("errors").build())
            .threshold(Threshold.of(">", 10, "yellow"))
            .threshold(Threshold.of(">", 100, "red"))
            .build();

    Chart stored = api.charts(space).add(sent);

    assertThat(stored.thresholds()).isEqualTo(sent.thresholds());
  }

  @Test
  void aChartCopiedToAnotherSpaceGetsNewIds() {
    Chart original = api.createChart(space, everything("copied"));
    Space other = api.createSpace("Other");

    Chart copy = api.createChart(other, original);

    assertThat(copy.id()).isNotEqualTo(original.id());
    assertSameAsSent(copy, original);
    assertThat(api.listChartsInSpace(space)).containsExactly(original);
  }

  @Test
  void savingAChartThatWasNeverCreatedIsRefused() {
    Chart unsaved = Chart.builder("unsaved").build();

    assertThatThrownBy(() -> api.updateChart(space, unsaved))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("chart.id"));
    assertThatThrownBy(() -> api.charts(space).delete(unsaved)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void chartsOfAMissingSpaceAreNotFound() {
    assertThatThrownBy(() -> api.createChart(424242L, Chart.builder("x").build()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> api.getChart(space, 424242)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void streamValuesTheApiRefusesFailBeforeSending() {
    assertThatThrownBy(() -> ChartStream.metric("cpu").color("blue").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("streams.color");
          assertThat(e.value()).isEqualTo("\"blue\"");
        });
    assertThatThrownBy(() -> ChartStream.metric("cpu").groupFunction("median").build())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("streams.group_function"));
    assertThatThrownBy(() -> ChartStream.metric("cpu").transformFunction("rm -rf").build())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("streams.transform_function"));
    assertThatThrownBy(() -> ChartStream.composite("s(\"a\",\"*\")").tag(StreamTag.of("host", "a")).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("streams.tags"));
    assertThatThrownBy(() -> ChartStream.metric("cpu").downsampleFunction("sum").build())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("streams.downsample_function"));
    assertThatThrownBy(() -> Threshold.of(">=", 1, "red"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("thresholds.operator"));
    assertThatThrownBy(() -> Chart.builder("x").min(10).max(1).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("min"));
  }

  /** Compares what was sent with what came back, field by field, leaving out what the service assigns. */
  static void assertSameAsSent(Chart back, Chart sent) {
    assertThat(back.name()).isEqualTo(sent.name());
    assertThat(back.type()).isEqualTo(sent.type());
    assertThat(back.min()).isEqualTo(sent.min());
    assertThat(back.max()).isEqualTo(sent.max());
    assertThat(back.label()).isEqualTo(sent.label());
    assertThat(back.relatedSpace()).isEqualTo(sent.relatedSpace());
    assertThat(back.thresholds()).isEqualTo(sent.thresholds());
    assertThat(back.useLogYAxis()).isEqualTo(sent.useLogYAxis());
    assertThat(back.useLastValue()).isEqualTo(sent.useLastValue());
    List<ChartStream> backStreams = back.streams().stream().map(ChartStream::withoutServerFields).toList();
    List<ChartStream> sentStreams = sent.streams().stream().map(ChartStream::withoutServerFields).toList();
    assertThat(backStreams).isEqualTo(sentStreams);
  }
}
