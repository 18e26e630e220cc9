// The landing page: every space by name, and the other areas one click away.
import {get, getAll} from "../api.js";
import {fill, h, state} from "../dom.js";
import {pageHead, shortFailure} from "../page.js";

const AREAS = [
  {href: "#/metrics", title: "Metrics", path: "/v1/metrics", what: "names, attributes and their series"},
  {href: "#/alerts", title: "Alerts", path: "/v1/alerts", what: "conditions, services and state"},
  {href: "#/services", title: "Services", path: "/v1/services", what: "where alerts are sent"},
  {href: "#/annotations", title: "Annotation streams", path: "/v1/annotations", what: "events such as deploys"},
];

export async function landingPage(ctx) {
  ctx.title("Spaces");
  const tiles = AREAS.map((area) => {
    const count = h("div", {class: "count"}, "…");
    // Each count is one small request; a failing one only says so on its tile.
    get(area.path, {length: 1})
      .then((answer) => (count.textContent = String(answer.query ? answer.query.found : "")))
      .catch((e) => {
        count.textContent = "?";
        count.title = shortFailure(e);
      });
    return h("a", {class: "panel tile", href: area.href, data: {area: area.title}},
      count, h("h3", {}, area.title), h("div", {class: "note"}, area.what));
  });
  const {items: spaces} = await getAll("/v1/spaces", "spaces");
  if (!ctx.alive()) {
    return;
  }
  spaces.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const list = spaces.length
    ? h("ul", {class: "list spaces"}, spaces.map((s) => h("li", {data: {spaceId: s.id}},
      h("a", {href: `#/spaces/${s.id}`}, s.name), h("span", {class: "meta"}, `#${s.id}`))))
    : state("empty", "No spaces yet",
      "Create one through the API (POST /v1/spaces) or with 'appoptics spaces create NAME'; it shows up here.");
  fill(ctx.main,
    pageHead("Spaces"),
    h("section", {class: "panel"}, h("h2", {}, `${spaces.length} space${spaces.length === 1 ? "" : "s"}`), list),
    h("section", {class: "tiles"}, tiles));
}
