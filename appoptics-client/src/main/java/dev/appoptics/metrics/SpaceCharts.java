package dev.appoptics.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The charts of one space, bound to a connection: what the Python library offers as {@code Space} helpers ({@code
 * add_line_chart}, {@code add_stacked_chart}, {@code add_bignumber_chart}, …). {@link Space} itself stays a plain
 * immutable value; get this view with {@link AppOptics#charts(Space)}. Every method is one or two API calls and
 * returns fresh values; nothing is cached. Thread-safe, like the connection it uses.
 *
 * <pre>{@code
 * SpaceCharts charts = api.charts(space);
 * Chart cpu = charts.addLineChart("CPU", ChartStream.metric("cpu.percent.user").build());
 * charts.rename(cpu, "CPU (user)");
 * }</pre>
 */
public final class SpaceCharts {
  private final AppOptics api;
  private final long spaceId;

  SpaceCharts(AppOptics api, long spaceId) {
    this.api = api;
    this.spaceId = spaceId;
  }

  /** The id of the space these charts belong to. */
  public long spaceId() {
    return spaceId;
  }

  /** The space's current charts, in the API's order. */
  public List<Chart> list() {
    return api.listChartsInSpace(spaceId);
  }

  /** One chart; {@link NotFoundException} if the space has no chart with this id. */
  public Chart get(long chartId) {
    return api.getChart(spaceId, chartId);
  }

  /** The first chart with this name, ignoring case. */
  public Optional<Chart> find(String name) {
    return api.findChart(spaceId, name);
  }

  /** Saves a new chart in the space and returns it as stored. */
  public Chart add(Chart chart) {
    return api.createChart(spaceId, chart);
  }

  /** Adds a line chart of these streams. */
  public Chart addLineChart(String name, ChartStream... streams) {
    return add(Chart.builder(name).type(ChartType.LINE).streams(list("streams", streams)).build());
  }

  /** Adds a stacked chart of these streams. */
  public Chart addStackedChart(String name, ChartStream... streams) {
    return add(Chart.builder(name).type(ChartType.STACKED).streams(list("streams", streams)).build());
  }

  /**
   * Adds a big-number chart showing the last value of {@code metric}, averaged across its series (the Python
   * helper's defaults).
   */
  public Chart addBignumberChart(String name, String metric) {
    ChartStream stream =
        ChartStream.metric(metric).groupFunction("average").summaryFunction("average").build();
    return addBignumberChart(name, stream, true);
  }

  /** Adds a big-number chart of one stream, showing its last value or its summary. */
  public Chart addBignumberChart(String name, ChartStream stream, boolean useLastValue) {
    return add(
        Chart.builder(name)
            .type(ChartType.BIGNUMBER)
            .stream(Check.notNull("stream", stream))
            .useLastValue(useLastValue)
            .build());
  }

  /** Replaces the stored chart with {@code chart} (which must have an id) and returns it as stored. */
  public Chart update(Chart chart) {
    return api.updateChart(spaceId, chart);
  }

  /** Renames a saved chart, keeping everything else, and returns it as stored. */
  public Chart rename(Chart chart, String newName) {
    return api.renameChart(spaceId, chart, newName);
  }

  /** Deletes a saved chart. */
  public void delete(Chart chart) {
    Check.notNull("chart", chart);
    api.deleteChart(
        spaceId,
        chart.id().orElseThrow(() -> ResourceChecks.invalid("chart.id", null, "is missing: the chart was never saved")));
  }

  /** Deletes a chart by id. */
  public void delete(long chartId) {
    api.deleteChart(spaceId, chartId);
  }

  private static List<ChartStream> list(String field, ChartStream[] streams) {
    return ResourceChecks.copyOf(field, Arrays.asList(Check.notNull(field, streams)));
  }

  @Override
  public String toString() {
    return "SpaceCharts{spaceId=" + spaceId + "}";
  }
}
