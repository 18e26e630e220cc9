// The metrics browser: search by name, 100 at a time.
import {get} from "../api.js";
import {fill, h, state} from "../dom.js";
import {failure, pageHead} from "../page.js";

const PAGE = 100;

export async function metricsPage(ctx) {
  ctx.title("Metrics");
  const search = ctx.query.get("q") || "";
  const input = h("input", {type: "search", value: search, placeholder: "Search by name", "aria-label": "Search metrics by name"});
  const form = h("form", {class: "controls", role: "search"}, input, h("button", {type: "submit"}, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.setQuery({q: input.value.trim()});
  });
  const found = h("h2", {}, "…");
  const rows = h("tbody");
  const more = h("div", {class: "actions"});
  const results = h("section", {class: "panel"}, found, h("div", {class: "table-wrap"}, h("table", {class: "table metrics"},
    h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Type"), h("th", {}, "Units"),
      h("th", {class: "num"}, "Period"), h("th", {}, "Description"))), rows)), more);
  fill(ctx.main, pageHead("Metrics", [], form), results);

  async function page(offset) {
    const answer = await get("/v1/metrics", {name: search, offset, length: PAGE});
    if (!ctx.alive()) {
      return;
    }
    const metrics = answer.metrics || [];
    const total = answer.query ? answer.query.found : metrics.length;
    found.textContent = search ? `${total} metric${total === 1 ? "" : "s"} matching “${search}”`
      : `${total} metric${total === 1 ? "" : "s"}`;
    rows.append(...metrics.map(row));
    const shown = offset + metrics.length;
    fill(more, shown < total && metrics.length
      ? h("button", {type: "button", onclick: () => page(shown).catch((e) => fill(more, failure(e)))},
        `Show more (${shown} of ${total})`)
      : null);
    if (offset === 0 && metrics.length === 0) {
      fill(more, state("empty", search ? "No metric matches that name" : "No metrics yet",
        search ? "Names match when they contain the search text." : "A metric appears with its first measurement."));
    }
  }
  await page(0);
}

function row(metric) {
  const attributes = metric.attributes || {};
  return h("tr", {data: {metric: metric.name}},
    h("td", {}, h("a", {href: `#/metrics/${encodeURIComponent(metric.name)}`}, metric.name)),
    h("td", {}, metric.type || ""),
    h("td", {}, attributes.display_units_short || attributes.display_units_long || ""),
    h("td", {class: "num"}, metric.period ? `${metric.period} s` : ""),
    h("td", {}, metric.description || ""));
}
