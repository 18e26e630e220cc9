// A space: each chart drawn from the stored measurements as its type says, over the picked time range.
import {get, path} from "../api.js";
import {bigNumber, drawTimeChart, hasPoints, paletteColor, summarize} from "../chart.js";
import {fill, formatTime, h, state} from "../dom.js";
import {failure, pageHead, shortFailure} from "../page.js";
import {annotationEvents, streamSeries} from "../series.js";
import {rangeFrom, rangeParams, rangePicker, refreshSeconds, resolutionLabel, windowOf} from "../time.js";

export async function spacePage(ctx) {
  const id = ctx.params.id;
  const range = rangeFrom(ctx.query);
  const [space, charts] = await Promise.all([get(path("spaces", id)), get(path("spaces", id, "charts"))]);
  if (!ctx.alive()) {
    return;
  }
  ctx.title(space.name);
  const updated = h("span", {class: "note", data: {role: "updated"}});
  const views = charts.map(chartView);
  fill(ctx.main,
    pageHead(space.name, [h("a", {href: "#/"}, "Spaces")],
      rangePicker(range, (r) => ctx.setQuery(rangeParams(r))), updated),
    views.length
      ? h("div", {class: "grid charts"}, views.map((v) => v.card))
      : state("empty", "This space has no charts yet",
        "Add one through the API (POST /v1/spaces/:id/charts) or with 'appoptics charts create'."));

  let running = false;
  async function refresh() {
    if (running) {
      return;
    }
    running = true;
    try {
      const win = windowOf(range);
      const events = await annotationEvents(win).catch(() => []);
      await Promise.all(views.map((v) => v.load(win, events)));
      if (ctx.alive()) {
        updated.textContent = `${resolutionLabel(win.resolution)} resolution · updated ${formatTime(win.end)}`
          + (range.live ? ` · refreshes every ${refreshSeconds(range)} s` : "");
      }
    } finally {
      running = false;
    }
  }
  ctx.onLeave(() => views.forEach((v) => v.destroy()));
  await refresh();
  if (range.live) {
    ctx.every(refreshSeconds(range), refresh);
  }
}

/** One chart's card: loads its streams for a window and draws them; a failing stream is named, never hidden. */
function chartView(chart) {
  const body = h("div", {class: "plot"}, state("loading", "Loading…"));
  const notes = h("div");
  const card = h("section", {class: "card chart", data: {chartId: chart.id, chartName: chart.name,
    chartType: chart.type || "line", state: "loading"}},
  h("div", {class: "card-head"}, h("h3", {}, chart.name), h("span", {class: "kind"}, chart.type || "line")),
  body, notes);
  // Streams in their chart order ("position"), as given where none is set.
  const streams = [...(chart.streams || [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  let plot = null;

  /** Puts {@code content} (a state or a big number) in place of whatever the chart showed. */
  function show(kind, content) {
    if (plot) {
      plot.destroy();
      plot = null;
    }
    fill(body, content);
    card.dataset.state = kind;
  }

  async function load(win, events) {
    if (streams.length === 0) {
      show("empty", state("empty", "This chart has no streams", "Add a metric or a composite to it."));
      return;
    }
    const bignumber = chart.type === "bignumber";
    const results = await Promise.allSettled(streams.map((s) =>
      streamSeries(bignumber && s.group_function === "breakout" ? {...s, group_function: "average"} : s, win)));
    const failed = results.map((r, i) => (r.status === "rejected" ? {stream: streams[i], error: r.reason} : null))
      .filter(Boolean);
    fill(notes, failed.length && failed.length < streams.length
      ? h("div", {class: "warning", role: "alert"}, failed.map((f) => `${streamName(f.stream)}: ${shortFailure(f.error)}`).join("\n"))
      : null);
    if (failed.length === streams.length) {
      const first = failed[0].error;
      show("error", failed.length === 1 ? failure(first)
        : state("error", "None of this chart's streams could be read",
          failed.map((f) => `${streamName(f.stream)}: ${shortFailure(f.error)}`).join("\n")));
      return;
    }
    const drawn = [];
    results.forEach((r, i) => {
      if (r.status === "fulfilled") {
        r.value.forEach((series, j) => drawn.push({...series, stream: streams[i],
          color: j === 0 && streams[i].color ? streams[i].color : paletteColor(drawn.length)}));
      }
    });
    if (bignumber) {
      showBigNumber(drawn, win);
    } else {
      showTimeChart(drawn, win, events);
    }
  }

  function showBigNumber(drawn, win) {
    const first = drawn.find((s) => s.points.length);
    if (!first) {
      show("empty", state("empty", "No data in this range yet", "Try a longer range."));
      return;
    }
    const fn = chart.use_last_value ? "last" : first.stream.summary_function || "average";
    const value = summarize(first.points, fn);
    show("ready", bigNumber({
      value,
      units: first.stream.units_short,
      thresholds: chart.thresholds,
      summary: `${fn === "last" ? "latest value" : fn} of ${first.label} · ${formatTime(win.start)} – ${formatTime(win.end)}`,
    }));
  }

  function showTimeChart(drawn, win, events) {
    const first = streams[0];
    const model = {
      type: chart.type === "stacked" ? "stacked" : "line",
      series: drawn.map((s) => ({label: s.label, color: s.color, points: s.points, units: s.stream.units_short,
        unitsLong: s.stream.units_long})),
      label: chart.label || "",
      min: numberOr(chart.min, first.min),
      max: numberOr(chart.max, first.max),
      logY: chart.use_log_yaxis === true,
      thresholds: chart.thresholds,
      events,
      window: win,
    };
    plot = drawTimeChart(plot, body, model);
    card.dataset.state = hasPoints(model) ? "ready" : "empty";
  }

  return {
    card,
    load: (win, events) => load(win, events).catch((e) => show("error", failure(e))),
    destroy: () => plot && plot.destroy(),
  };
}

function streamName(stream) {
  return stream.name || stream.metric || stream.composite;
}

function numberOr(...values) {
  return values.find((v) => typeof v === "number");
}
