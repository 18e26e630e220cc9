package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The charts of spaces. The API lists a space's charts as one unpaginated array. */
final class Charts {
  private final Rest rest;

  Charts(Rest rest) {
    this.rest = rest;
  }

  List<Chart> list(long spaceId) {
    JsonNode answer = rest.get(Rest.path("spaces", spaceId, "charts"), Query.create());
    if (!answer.isArray()) {
      throw ResourceChecks.malformedAnswer("expected an array of charts, got " + answer.getNodeType());
    }
    List<Chart> charts = new ArrayList<>();
    answer.forEach(c -> charts.add(ChartCodec.chart(c)));
    return List.copyOf(charts);
  }

  Chart get(long spaceId, long chartId) {
    return ChartCodec.chart(rest.get(Rest.path("spaces", spaceId, "charts", chartId), Query.create()));
  }

  /** The first chart of the space named {@code name}, ignoring case. */
  Optional<Chart> find(long spaceId, String name) {
    String wanted = ResourceChecks.requireText("name", name).toLowerCase(Locale.ROOT);
    return list(spaceId).stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /** Creates a copy of {@code chart} in the space; ids the chart may carry from elsewhere are not sent. */
  Chart create(long spaceId, Chart chart) {
    Check.notNull("chart", chart);
    return ChartCodec.chart(rest.post(Rest.path("spaces", spaceId, "charts"), ChartCodec.toJson(chart, false)));
  }

  /** Replaces the stored chart (streams included) with {@code chart}; returns the chart as stored. */
  Chart update(long spaceId, Chart chart) {
    long chartId = requireId(chart);
    String path = Rest.path("spaces", spaceId, "charts", chartId);
    JsonNode answer = rest.put(path, ChartCodec.toJson(chart, true));
    // The reference documents 200 with the chart; read it back should a service answer 204.
    return answer.isObject() ? ChartCodec.chart(answer) : get(spaceId, chartId);
  }

  Chart rename(long spaceId, Chart chart, String newName) {
    requireId(chart);
    return update(spaceId, chart.withName(newName));
  }

  void delete(long spaceId, long chartId) {
    rest.delete(Rest.path("spaces", spaceId, "charts", chartId), null);
  }

  private static long requireId(Chart chart) {
    Check.notNull("chart", chart);
    return chart
        .id()
        .orElseThrow(
            () -> ResourceChecks.invalid("chart.id", null, "is missing: save the chart with createChart first"));
  }
}
