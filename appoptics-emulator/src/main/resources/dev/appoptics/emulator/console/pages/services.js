// Notification services: where alerts are sent.
import {getAll} from "../api.js";
import {definitions, fill, h, state} from "../dom.js";
import {pageHead} from "../page.js";

// Settings that hold credentials are shown masked: the page may be on a shared screen.
const SECRET = /token|key|secret|password/i;

export async function servicesPage(ctx) {
  ctx.title("Services");
  const {items: services} = await getAll("/v1/services", "services");
  if (!ctx.alive()) {
    return;
  }
  services.sort((a, b) => (a.title || "").localeCompare(b.title || ""));
  fill(ctx.main, pageHead("Services"), services.length
    ? h("div", {class: "grid"}, services.map((s) => h("section", {class: "card", data: {serviceId: s.id}},
      h("div", {class: "card-head"}, h("h3", {}, s.title || `service #${s.id}`), h("span", {class: "kind"}, s.type)),
      definitions(Object.entries(s.settings || {}).map(([k, v]) => [k, SECRET.test(k) ? "••••••" : String(v)])))))
    : state("empty", "No services yet", "Create one through the API (POST /v1/services)."));
}
