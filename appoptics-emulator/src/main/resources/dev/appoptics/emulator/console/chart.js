// Charts: time series through uPlot (line and stacked), and big numbers.
import uPlot from "./uplot/uPlot.esm.js";
import {fill, formatNumber, formatTime, h, state} from "./dom.js";

const HEIGHT = 240;
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
  "#9c755f", "#8c96a3"];

/** The colour of the i-th series without one of its own. */
export function paletteColor(i) {
  return PALETTE[i % PALETTE.length];
}

/**
 * A line or stacked chart in {@code container}. The model: {type, series: [{label, color, units, unitsLong,
 * points: [[t, v]]}], label, min, max, logY, thresholds: [{operator, value, type}], events: [{time, title, stream}],
 * window: {start, end}}. With logY the value axes are logarithmic and values at or below zero are not drawn. Returns {update(model), destroy()}; the chart follows its container's width. The
 * uPlot instance is on {@code container.plot} (its data: [times, values of each series]).
 */
function timeChart(container, model) {
  // What the plot's callbacks read (range, legend values, thresholds, markers); an update swaps it in place.
  const view = {model, shown: []};
  let plot = null;

  function build() {
    destroyPlot();
    container.dataset.points = String(pointCount(view.model));
    if (!hasPoints(view.model)) {
      fill(container, state("empty", "No data in this range yet",
        "Measurements appear here once they are submitted; try a longer range."));
      return;
    }
    fill(container);
    const {data, shown} = aligned(view.model);
    view.shown = shown;
    plot = new uPlot(options(view, container.clientWidth || 400), data, container);
    container.plot = plot;
  }

  function destroyPlot() {
    if (plot) {
      plot.destroy();
      plot = null;
      container.plot = null;
    }
  }

  const rebuild = () => build();
  document.addEventListener("console-theme", rebuild);
  // Follows the card's width (window, scroll bar, layout); sized on the next frame so resizing never loops.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (plot && container.clientWidth && container.clientWidth !== plot.width) {
        plot.setSize({width: container.clientWidth, height: HEIGHT});
      }
    });
  });
  observer.observe(container);
  build();
  return {
    update(next) {
      const previous = view.model;
      const sameShape = plot && next.type === previous.type && next.logY === previous.logY
        && next.series.length === previous.series.length
        && next.series.every((s, i) => s.label === previous.series[i].label && s.unitsLong === previous.series[i].unitsLong);
      view.model = next;
      if (sameShape && hasPoints(next)) {
        const {data, shown} = aligned(next);
        view.shown = shown;
        plot.setData(data);
        container.dataset.points = String(pointCount(next));
      } else {
        build();
      }
    },
    destroy() {
      observer.disconnect();
      cancelAnimationFrame(frame);
      document.removeEventListener("console-theme", rebuild);
      destroyPlot();
    },
  };
}

function pointCount(model) {
  return model.series.reduce((n, s) => n + s.points.length, 0);
}

/** Draws {@code model} in {@code container}: updates the chart already there, or makes one. Returns the chart. */
export function drawTimeChart(existing, container, model) {
  if (existing) {
    existing.update(model);
    return existing;
  }
  fill(container);
  return timeChart(container, model);
}

/** Whether any series of the model has a point. */
export function hasPoints(model) {
  return model.series.some((s) => s.points.length > 0);
}

/**
 * One time axis for all series (the union of their times) and each series' values on it, null where it has no
 * point. Stacked charts plot running totals; {@code shown} keeps the values themselves for the legend.
 */
function aligned(model) {
  const times = [...new Set(model.series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const shown = model.series.map((s) => {
    const values = new Array(times.length).fill(null);
    s.points.forEach(([t, v]) => (values[index.get(t)] = v));
    return values;
  });
  if (model.type !== "stacked") {
    const drawn = model.logY ? shown.map((values) => values.map((v) => (v !== null && v > 0 ? v : null))) : shown;
    return {data: [times, ...drawn], shown};
  }
  const running = new Array(times.length).fill(0);
  const stacked = shown.map((values) => values.map((v, i) => (running[i] += v === null ? 0 : v)));
  return {data: [times, ...stacked], shown};
}

/** uPlot's options; every callback reads {@code view}, so an update needs no new plot. */
function options(view, width) {
  const model = view.model;
  const css = getComputedStyle(document.documentElement);
  const muted = css.getPropertyValue("--muted").trim();
  const grid = css.getPropertyValue("--grid").trim();
  const stacked = model.type === "stacked";
  // Streams sharing units_long share a Y axis: the first units on the left, any other on the right.
  const unitGroups = stacked ? [""] : [...new Set(model.series.map((s) => s.unitsLong || ""))];
  const scaleOf = (s) => (unitGroups.indexOf(stacked ? "" : s.unitsLong || "") > 0 ? "y2" : "y");
  const axis = {stroke: muted, grid: {stroke: grid, width: 1}, ticks: {stroke: grid, width: 1}};
  const valueAxis = {
    ...axis,
    values: (u, splits) => splits.map((v) => formatNumber(v)),
    size: (u, values) => Math.max(40, 14 + 7 * Math.max(0, ...(values || []).map((v) => v.length))),
  };
  const valueScale = (fixed) => (model.logY
    ? {distr: 3, log: 10, range: (u, low, high) => logRange(fixed && view.model.min, fixed && view.model.max, low, high)}
    : {range: (u, low, high) => (fixed ? yRange(view.model.min, view.model.max, low, high) : yRange(undefined, undefined, low, high))});
  const scales = {
    x: {time: true, range: () => [view.model.window.start, view.model.window.end]},
    y: valueScale(true),
  };
  const axes = [axis, {...valueAxis, label: model.label || unitGroups[0] || undefined}];
  if (unitGroups.length > 1) {
    scales.y2 = valueScale(false);
    axes.push({...valueAxis, scale: "y2", side: 1, grid: {show: false}, label: unitGroups.slice(1).join(", ") || undefined});
  }
  return {
    width,
    height: HEIGHT,
    cursor: {drag: {x: false, y: false}},
    scales,
    axes,
    series: [
      {value: (u, t) => (t === null ? "–" : formatTime(t))},
      ...model.series.map((s, i) => ({
        label: s.label,
        scale: scaleOf(s),
        stroke: s.color,
        width: 1.5,
        spanGaps: true,
        fill: stacked ? `${s.color}55` : undefined,
        value: (u, v, seriesIndex, dataIndex) =>
          formatNumber(dataIndex === null ? null : view.shown[i][dataIndex], view.model.series[i].units),
      })),
    ],
    bands: stacked ? model.series.slice(1).map((s, i) => ({series: [i + 2, i + 1]})) : [],
    hooks: {
      draw: [(u) => drawThresholds(u, view.model.thresholds), (u) => drawMarkers(u, view.model.events)],
    },
  };
}

/** A logarithmic axis's range: whole powers of ten around the data, or the chart's own bounds when positive. */
function logRange(fixedMin, fixedMax, low, high) {
  let [min, max] = low === null || !(high > 0) ? [1, 10] : uPlot.rangeLog(Math.max(low, Number.MIN_VALUE), high, 10, true);
  if (typeof fixedMin === "number" && fixedMin > 0) {
    min = fixedMin;
  }
  if (typeof fixedMax === "number" && fixedMax > 0) {
    max = fixedMax;
  }
  return max > min ? [min, max] : [min, min * 10];
}

/** The data's range with some room, unless the chart fixes its minimum or maximum. */
function yRange(fixedMin, fixedMax, low, high) {
  let [min, max] = low === null ? [0, 1] : uPlot.rangeNum(low, high, 0.1, true);
  if (typeof fixedMin === "number") {
    min = fixedMin;
  }
  if (typeof fixedMax === "number") {
    max = fixedMax;
  }
  return max > min ? [min, max] : [min, min + 1];
}

function drawThresholds(u, thresholds) {
  const ctx = u.ctx;
  const css = getComputedStyle(document.documentElement);
  ctx.save();
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 1.5 * devicePixelRatio;
  for (const t of thresholds || []) {
    const y = u.valToPos(t.value, "y", true);
    if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) {
      continue;
    }
    ctx.strokeStyle = css.getPropertyValue(t.type === "red" ? "--red" : "--yellow").trim();
    ctx.beginPath();
    ctx.moveTo(u.bbox.left, y);
    ctx.lineTo(u.bbox.left + u.bbox.width, y);
    ctx.stroke();
  }
  ctx.restore();
}

/** Annotation events as small markers along the top of the plot; hovering one shows its title and time. */
function drawMarkers(u, events) {
  u.over.querySelectorAll(".marker").forEach((m) => m.remove());
  for (const e of events || []) {
    const left = u.valToPos(e.time, "x");
    if (left < 0 || left > u.over.clientWidth) {
      continue;
    }
    const marker = h("div", {class: "marker", title: `${e.title} (${e.stream}, ${formatTime(e.time)})`,
      data: {time: e.time}});
    marker.style.left = `${left}px`;
    u.over.append(marker);
  }
}

/**
 * A big number: model {value, units, thresholds, summary}. The value is also on {@code data-value}; a met
 * threshold colours it (red before yellow).
 */
export function bigNumber(model) {
  const level = thresholdLevel(model.value, model.thresholds);
  return h(
    "div",
    {class: `bignumber${level ? ` level-${level}` : ""}`, data: {value: model.value, level: level || "none"}},
    h("div", {class: "value"}, formatNumber(model.value), model.units ? h("span", {class: "units"}, model.units) : null),
    h("div", {class: "summary"}, model.summary),
  );
}

function thresholdLevel(value, thresholds) {
  const met = (thresholds || []).filter((t) =>
    (t.operator === ">" && value > t.value) || (t.operator === "<" && value < t.value)
    || (t.operator === "=" && value === t.value));
  return met.some((t) => t.type === "red") ? "red" : met.some((t) => t.type === "yellow") ? "yellow" : null;
}

/** One number from a series' points: "average", "sum", "min", "max", "count" (the counts added) or "last". */
export function summarize(points, fn) {
  const values = points.map((p) => p[1]).filter((v) => v !== null && Number.isFinite(v));
  if (values.length === 0) {
    return null;
  }
  switch (fn) {
    case "sum":
    case "count":
      return values.reduce((a, b) => a + b, 0);
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "last":
      return values[values.length - 1];
    default:
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}
