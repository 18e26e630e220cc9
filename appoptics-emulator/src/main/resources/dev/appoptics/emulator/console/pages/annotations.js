// Annotation streams, and the events of one stream in a time range.
import {get, getAll, path} from "../api.js";
import {externalLink, fill, formatTime, h, state} from "../dom.js";
import {pageHead} from "../page.js";
import {eventsOf} from "../series.js";
import {rangeFrom, rangeParams, rangePicker, windowOf} from "../time.js";

export async function annotationsPage(ctx) {
  ctx.title("Annotation streams");
  const {items: streams} = await getAll("/v1/annotations", "annotations");
  if (!ctx.alive()) {
    return;
  }
  streams.sort((a, b) => a.name.localeCompare(b.name));
  fill(ctx.main, pageHead("Annotation streams"), h("section", {class: "panel"}, streams.length
    ? h("ul", {class: "list streams"}, streams.map((s) => h("li", {data: {stream: s.name}},
      h("a", {href: `#/annotations/${encodeURIComponent(s.name)}`}, s.display_name || s.name),
      s.display_name && s.display_name !== s.name ? h("span", {class: "meta"}, s.name) : null)))
    : state("empty", "No annotation streams yet",
      "A stream is created by its first event: POST /v1/annotations/NAME, or 'appoptics annotations post'.")));
}

export async function annotationStreamPage(ctx) {
  const name = ctx.params.name;
  const range = rangeFrom(ctx.query, "7d");
  const win = windowOf(range);
  const answer = await get(path("annotations", name), {start_time: win.start, end_time: win.end});
  if (!ctx.alive()) {
    return;
  }
  const title = answer.display_name || name;
  ctx.title(title);
  const events = eventsOf(answer).sort((a, b) => b.time - a.time);
  fill(ctx.main,
    pageHead(title, [h("a", {href: "#/annotations"}, "Annotation streams")],
      rangePicker(range, (r) => ctx.setQuery(rangeParams(r)))),
    h("section", {class: "panel"}, events.length
      ? h("div", {class: "table-wrap"}, h("table", {class: "table events"},
        h("thead", {}, h("tr", {}, h("th", {}, "Time"), h("th", {}, "Title"), h("th", {}, "Source"), h("th", {}, "Links"))),
        h("tbody", {}, events.map((e) => h("tr", {data: {eventId: e.id}},
          h("td", {}, formatTime(e.time), e.end ? h("div", {class: "note"}, `until ${formatTime(e.end)}`) : null),
          h("td", {}, e.title, e.description ? h("div", {class: "note"}, e.description) : null),
          h("td", {}, e.source === "unassigned" ? "" : e.source),
          h("td", {}, (e.links || []).map((l) => h("div", {}, externalLink(l.href, l.label || l.rel)))))))))
      : state("empty", "No events in this range", "Pick a longer range to see older events.")));
}
