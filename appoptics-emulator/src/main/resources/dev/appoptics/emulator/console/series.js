// Reading measurements: a chart stream or a metric query becomes a list of series {label, tags, points}.
import {get, getAll, getLink, path, sameOrigin} from "./api.js";
import {formatTags} from "./dom.js";
import {compileTransform} from "./transform.js";

const MAX_NEXT_PAGES = 20;
// A chart stream names its functions as the charts API does; the measurements API spells "average" as "mean".
const GROUP_FUNCTIONS = {average: "mean", sum: "sum", min: "min", max: "max"};
const SUMMARY_FUNCTIONS = {average: "mean", sum: "sum", min: "min", max: "max", count: "count"};

/** The query parameters of a window: {start, end, resolution}. */
export function windowParams(win) {
  return {start_time: win.start, end_time: win.end, resolution: win.resolution};
}

/**
 * The series one chart stream shows in a window. A metric stream filters by its tags (wildcards and several values
 * allowed), reads each point with its summary function and, unless its group function is "breakout", combines the
 * series with that function: all into one, or one per value of its group_by tags. A composite stream is evaluated
 * by the server. A transform_function then runs on every point, with p the stream's period or else the window's
 * resolution.
 */
export async function streamSeries(stream, win) {
  // parsed first, so that a formula that does not parse fails the stream before anything is read
  const transform = stream.transform_function ? compileTransform(stream.transform_function) : null;
  const series = await readStream(stream, win);
  if (!transform) {
    return series;
  }
  const period = stream.period || win.resolution;
  return series.map((s) => ({...s, points: s.points.map(([t, v]) => [t, transform(v, period)])}));
}

async function readStream(stream, win) {
  if (stream.composite) {
    const answer = await get("/v1/measurements", {...windowParams(win), compose: stream.composite});
    return labelled(composedSeries(answer), (s) => stream.name || s.metric || "composite");
  }
  const params = {...windowParams(win), ...tagFilters(stream.tags)};
  const summary = SUMMARY_FUNCTIONS[stream.summary_function];
  if (summary) {
    params.summary_function = summary;
  }
  const group = stream.group_function || "average";
  if (group !== "breakout") {
    params.group_by = stream.group_by || "*";
    params.group_by_function = GROUP_FUNCTIONS[group] || "mean";
  }
  return labelled(await metricSeries(stream.metric, params), () => stream.name || stream.metric);
}

/** tags[name]=value parameters from a stream's tags; a tag without values asks for series that have it. */
function tagFilters(tags) {
  const params = {};
  for (const tag of tags || []) {
    const values = (tag.values || []).filter((v) => v !== null && v !== "");
    if (values.length === 0 && tag.dynamic) {
      continue;
    }
    params[`tags[${tag.name}]`] = values.length ? values : ["*"];
  }
  return params;
}

/**
 * GET /v1/measurements/:name with these parameters, following "next" links, with the pages of each series
 * joined: [{tags, points: [[time, value]]}].
 */
export async function metricSeries(metric, params) {
  const bySeries = new Map();
  let answer = await get(path("measurements", metric), params);
  for (let page = 0; ; page++) {
    for (const s of answer.series || []) {
      const key = JSON.stringify(s.tags || {});
      if (!bySeries.has(key)) {
        bySeries.set(key, {tags: s.tags || {}, points: []});
      }
      bySeries.get(key).points.push(...(s.measurements || []).map((m) => [m.time, m.value]));
    }
    const next = (answer.links || []).find((l) => l.rel === "next");
    if (!next || page >= MAX_NEXT_PAGES) {
      break;
    }
    answer = await getLink(sameOrigin(next.href));
  }
  return [...bySeries.values()];
}

/** The series of a compose answer, in the object form ({series: [...]}) or the bare-array form. */
function composedSeries(answer) {
  const list = Array.isArray(answer) ? answer : answer.series || [];
  return list.map((s) => ({
    tags: s.tags || {},
    metric: s.metric && s.metric.name,
    points: (s.measurements || []).map((m) => [m.time, m.value]),
  }));
}

/**
 * Names each series: the stream's name, and when there are several, the tags that tell them apart (tags every
 * series shares say nothing).
 */
function labelled(series, name) {
  const differing = (key) => new Set(series.map((s) => s.tags[key])).size > 1;
  return series.map((s) => {
    const own = Object.fromEntries(Object.entries(s.tags).filter(([key]) => differing(key)));
    const text = formatTags(own);
    return {...s, label: series.length > 1 && text ? `${name(s)} · ${text}` : name(s)};
  });
}

/**
 * Annotation events of every stream within the window: [{time, end, title, stream, source}]. A stream that cannot
 * be read is left out (its markers are only a decoration of the charts).
 */
export async function annotationEvents(win) {
  const {items} = await getAll("/v1/annotations", "annotations");
  const reads = items.map((stream) =>
    get(path("annotations", stream.name), {start_time: win.start, end_time: win.end})
      .then((answer) => eventsOf(answer).map((e) => ({...e, stream: stream.display_name || stream.name})))
      .catch(() => []));
  return (await Promise.all(reads)).flat().sort((a, b) => a.time - b.time);
}

/**
 * The events of one stream's answer, in either grouping the API uses: an object keyed by source, or a list holding
 * such an object. Events without a source come under "unassigned".
 */
export function eventsOf(answer) {
  const groups = Array.isArray(answer.events) ? answer.events : [answer.events || {}];
  const out = [];
  for (const group of groups) {
    for (const [source, events] of Object.entries(group || {})) {
      for (const e of events || []) {
        out.push({...e, time: e.start_time, end: e.end_time, source: e.source || source});
      }
    }
  }
  return out;
}
