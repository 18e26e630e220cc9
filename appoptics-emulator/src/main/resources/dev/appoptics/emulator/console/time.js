// Time ranges: the service's presets, a custom range, and the resolution each one is read at.
import {h} from "./dom.js";

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/** The presets of the service's date picker, newest first. */
const PRESETS = [
  {key: "30m", label: "Last 30 minutes", seconds: 30 * MINUTE},
  {key: "1h", label: "Last 60 minutes", seconds: HOUR},
  {key: "3h", label: "Last 3 hours", seconds: 3 * HOUR},
  {key: "6h", label: "Last 6 hours", seconds: 6 * HOUR},
  {key: "12h", label: "Last 12 hours", seconds: 12 * HOUR},
  {key: "24h", label: "Last 24 hours", seconds: DAY},
  {key: "3d", label: "Last 3 days", seconds: 3 * DAY},
  {key: "7d", label: "Last 7 days", seconds: 7 * DAY},
  {key: "4w", label: "Last 4 weeks", seconds: 28 * DAY},
];

/**
 * Seconds per point for a range of this length, as the service's picker maps them: up to an hour raw (resolution 1:
 * every measurement at its own time and period), up to 6 hours 1 minute, up to 24 hours 15 minutes, beyond 1 hour.
 */
function resolutionFor(seconds) {
  if (seconds <= HOUR) {
    return 1;
  }
  if (seconds <= 6 * HOUR) {
    return MINUTE;
  }
  if (seconds <= DAY) {
    return 15 * MINUTE;
  }
  return HOUR;
}

/** "raw", "1 min", "15 min", "1 h", or seconds. */
export function resolutionLabel(resolution) {
  return {1: "raw", 60: "1 min", 900: "15 min", 3600: "1 h"}[resolution] || `${resolution} s`;
}

/**
 * The range a page's query asks for: {range: "3h"} for a preset (ending now, so it moves), or {from, to} in epoch
 * seconds for a custom one. Unknown or missing values fall back to {@code fallback}.
 */
export function rangeFrom(query, fallback = "1h") {
  const from = Number(query.get("from"));
  const to = Number(query.get("to"));
  if (Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > from) {
    return {key: "custom", label: "Custom range", live: false, from, to};
  }
  const preset = PRESETS.find((p) => p.key === query.get("range")) || PRESETS.find((p) => p.key === fallback);
  return {key: preset.key, label: preset.label, live: true, seconds: preset.seconds};
}

/** The window to read now: {start, end, resolution} in epoch seconds. */
export function windowOf(range) {
  if (!range.live) {
    return {start: range.from, end: range.to, resolution: resolutionFor(range.to - range.from)};
  }
  const end = Math.floor(Date.now() / 1000);
  return {start: end - range.seconds, end, resolution: resolutionFor(range.seconds)};
}

/** How often a range that ends now is read again: its resolution, kept between 10 seconds and 5 minutes. */
export function refreshSeconds(range) {
  return Math.min(300, Math.max(10, windowOf(range).resolution));
}

/** The query parameters that select {@code range}. */
export function rangeParams(range) {
  return range.live ? {range: range.key} : {from: range.from, to: range.to};
}

/**
 * The picker: a select of presets plus "Custom range…", which shows two local date-time fields. Calls
 * {@code onChange(range)} with the new range.
 */
export function rangePicker(current, onChange) {
  const select = h(
    "select",
    {"aria-label": "Time range", class: "range-select"},
    PRESETS.map((p) => h("option", {value: p.key, selected: p.key === current.key}, p.label)),
    h("option", {value: "custom", selected: current.key === "custom"}, "Custom range…"),
  );
  const now = Math.floor(Date.now() / 1000);
  const fromInput = h("input", {type: "datetime-local", "aria-label": "From", step: 60,
    value: localInput(current.live ? now - current.seconds : current.from)});
  const toInput = h("input", {type: "datetime-local", "aria-label": "To", step: 60,
    value: localInput(current.live ? now : current.to)});
  const problem = h("span", {class: "note"});
  const apply = h("button", {type: "button", class: "primary", onclick: () => {
    const from = fromLocalInput(fromInput.value);
    const to = fromLocalInput(toInput.value);
    if (!from || !to || to <= from) {
      problem.textContent = "Pick a start before the end.";
      return;
    }
    onChange({key: "custom", label: "Custom range", live: false, from, to});
  }}, "Apply");
  const custom = h("span", {class: "custom", hidden: current.key !== "custom"},
    h("label", {}, "From", fromInput), h("label", {}, "to", toInput), apply, problem);
  select.addEventListener("change", () => {
    if (select.value === "custom") {
      custom.hidden = false;
      return;
    }
    custom.hidden = true;
    const preset = PRESETS.find((p) => p.key === select.value);
    onChange({key: preset.key, label: preset.label, live: true, seconds: preset.seconds});
  });
  return h("div", {class: "range-picker"}, select, custom);
}

function localInput(seconds) {
  const d = new Date(seconds * 1000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value) {
  const millis = new Date(value).getTime();
  return Number.isFinite(millis) ? Math.floor(millis / 1000) : null;
}
