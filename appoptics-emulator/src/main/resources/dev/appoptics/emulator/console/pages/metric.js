// One metric: its attributes, and its series charted with a tag filter, a split, a summary and a resolution.
import {get, path} from "../api.js";
import {drawTimeChart, hasPoints, paletteColor, summarize} from "../chart.js";
import {definitions, fill, formatNumber, formatTags, formatTime, h, state} from "../dom.js";
import {failure, pageHead} from "../page.js";
import {annotationEvents, metricSeries, windowParams} from "../series.js";
import {rangeFrom, rangeParams, rangePicker, refreshSeconds, resolutionLabel, windowOf} from "../time.js";

const RESOLUTIONS = [1, 60, 900, 3600];
const SUMMARIES = ["mean", "sum", "min", "max", "count"];
const GROUP_FUNCTIONS = ["mean", "sum", "min", "max"];

export async function metricPage(ctx) {
  const name = ctx.params.name;
  const q = ctx.query;
  const range = rangeFrom(q);
  const chosen = {
    res: RESOLUTIONS.includes(Number(q.get("res"))) ? Number(q.get("res")) : null,
    summary: SUMMARIES.includes(q.get("summary")) ? q.get("summary") : "",
    split: q.get("split") || "each",
    fn: GROUP_FUNCTIONS.includes(q.get("fn")) ? q.get("fn") : "mean",
    filter: q.get("filter") || "",
  };
  const metric = await get(path("metrics", name));
  if (!ctx.alive()) {
    return;
  }
  ctx.title(metric.name);
  const attributes = metric.attributes || {};
  const units = attributes.display_units_short || "";

  const change = (values) => ctx.setQuery({...rangeParams(range), ...chosen, res: chosen.res || "", ...values});
  const choice = (label, value, options, key) => h("label", {}, label, h("select", {"aria-label": label,
    data: {control: key}, onchange: (e) => change({[key]: e.target.value})},
  options.map(([v, text]) => h("option", {value: v, selected: String(v) === String(value)}, text))));
  const filterInput = h("input", {type: "text", value: chosen.filter, size: 34, "aria-label": "Tag filter",
    placeholder: "tag filter, e.g. host=web* and region=eu", data: {control: "filter"}});
  const filterForm = h("form", {class: "controls"}, filterInput, h("button", {type: "submit"}, "Filter"));
  filterForm.addEventListener("submit", (e) => {
    e.preventDefault();
    change({filter: filterInput.value.trim()});
  });
  const splitSelect = h("span");
  const controls = h("div", {class: "controls"},
    rangePicker(range, (r) => ctx.setQuery({...chosen, res: chosen.res || "", ...rangeParams(r)})),
    choice("Resolution", chosen.res || "", [["", `Auto (${resolutionLabel(windowOf(range).resolution)})`],
      ...RESOLUTIONS.map((r) => [r, resolutionLabel(r)])], "res"),
    choice("Summary", chosen.summary, [["", `Metric's own (${attributes.summarize_function || "average"})`],
      ...SUMMARIES.map((s) => [s, s])], "summary"),
    splitSelect,
    chosen.split !== "each" ? choice("Combined by", chosen.fn, GROUP_FUNCTIONS.map((f) => [f, f]), "fn") : null);

  const plotArea = h("div", {class: "plot"}, state("loading", "Loading…"));
  const card = h("section", {class: "card chart", data: {state: "loading", chartName: metric.name}},
    h("div", {class: "card-head"}, h("h3", {}, "Series"), h("span", {class: "kind"})), plotArea);
  const table = h("div", {class: "table-wrap"});
  fill(ctx.main,
    pageHead(metric.name, [h("a", {href: "#/metrics"}, "Metrics")]),
    h("section", {class: "panel"}, h("h2", {}, "Attributes"), describe(metric)),
    h("section", {class: "panel"}, controls, filterForm),
    card, h("section", {class: "panel"}, h("h2", {}, "Series in this range"), table));

  let chart = null;
  ctx.onLeave(() => chart && chart.destroy());

  async function load() {
    const win = windowOf(range);
    if (chosen.res) {
      win.resolution = chosen.res;
    }
    card.querySelector(".kind").textContent = `${resolutionLabel(win.resolution)} resolution`;
    const params = {...windowParams(win), tags_search: chosen.filter, summary_function: chosen.summary};
    if (chosen.split !== "each") {
      params.group_by = chosen.split === "all" ? "*" : chosen.split;
      params.group_by_function = chosen.fn;
    }
    // The tag names to split by come from every series in the range, one point each (a cheap query).
    const span = Math.min(604800, Math.max(1, win.end - win.start + 1));
    const [series, everySeries, events] = await Promise.all([
      metricSeries(metric.name, params),
      metricSeries(metric.name, {...windowParams({...win, resolution: span}), tags_search: chosen.filter}).catch(() => []),
      annotationEvents(win).catch(() => []),
    ]);
    if (!ctx.alive()) {
      return;
    }
    const tagNames = [...new Set(everySeries.flatMap((s) => Object.keys(s.tags)))].sort();
    fill(splitSelect, choice("Split by", chosen.split, [["each", "each series"], ["all", "all together"],
      ...tagNames.map((t) => [t, `tag ${t}`])], "split"));
    const drawn = series.map((s, i) => ({label: formatTags(s.tags) || metric.name, color: paletteColor(i),
      points: s.points, units}));
    const model = {type: "line", series: drawn, label: attributes.display_units_long || "",
      min: attributes.display_min, max: attributes.display_max, thresholds: [], events, window: win};
    chart = drawTimeChart(chart, plotArea, model);
    card.dataset.state = hasPoints(model) ? "ready" : "empty";
    fill(table, seriesTable(drawn, units));
  }

  const run = () => load().catch((e) => {
    if (ctx.alive()) {
      if (chart) {
        chart.destroy();
        chart = null;
      }
      fill(plotArea, failure(e, run));
      card.dataset.state = "error";
      fill(table);
    }
  });
  await run();
  if (range.live) {
    ctx.every(refreshSeconds(range), run);
  }
}

function describe(metric) {
  const a = metric.attributes || {};
  const known = new Set(["display_units_short", "display_units_long", "summarize_function", "display_min",
    "display_max"]);
  return definitions([
    ["Type", metric.type],
    ["Description", metric.description],
    ["Display name", metric.display_name !== metric.name ? metric.display_name : null],
    ["Period", metric.period ? `${metric.period} s` : null],
    ["Composite", metric.composite ? h("code", {}, metric.composite) : null],
    ["Units", [a.display_units_short, a.display_units_long].filter(Boolean).join(" · ")],
    ["Summarized by", a.summarize_function],
    ["Display range", a.display_min !== undefined || a.display_max !== undefined
      ? `${a.display_min ?? "auto"} … ${a.display_max ?? "auto"}` : null],
    ...Object.entries(a).filter(([k, v]) => !known.has(k) && v !== null)
      .map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]),
  ]);
}

function seriesTable(series, units) {
  if (series.length === 0) {
    return state("empty", "No series in this range", "No measurement matches this range and filter yet.");
  }
  return h("table", {class: "table series"},
    h("thead", {}, h("tr", {}, h("th", {}, "Series"), h("th", {class: "num"}, "Points"), h("th", {class: "num"}, "Min"),
      h("th", {class: "num"}, "Mean"), h("th", {class: "num"}, "Max"), h("th", {class: "num"}, "Last"),
      h("th", {}, "Last at"))),
    h("tbody", {}, series.map((s) => h("tr", {},
      h("td", {}, s.label),
      h("td", {class: "num"}, String(s.points.length)),
      ...["min", "average", "max", "last"].map((fn) => h("td", {class: "num"}, formatNumber(summarize(s.points, fn), units))),
      h("td", {}, s.points.length ? formatTime(s.points[s.points.length - 1][0]) : "")))));
}
