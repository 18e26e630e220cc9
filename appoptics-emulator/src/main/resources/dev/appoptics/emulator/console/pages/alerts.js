// Alerts: each alert's conditions and services, and its state as the status endpoint reports it.
import {ApiFailure, get, getAll, path} from "../api.js";
import {externalLink, fill, formatTime, h, state} from "../dom.js";
import {pageHead, shortFailure} from "../page.js";

const REFRESH_SECONDS = 30;

export async function alertsPage(ctx) {
  ctx.title("Alerts");
  const note = h("span", {class: "note"});
  const list = h("div");
  const opened = new Set(); // alerts whose notifications are open stay open when the page refreshes
  fill(ctx.main, pageHead("Alerts", [], note), list);

  async function load() {
    const [{items: alerts}, status] = await Promise.all([getAll("/v1/alerts", "alerts"), alertStates()]);
    if (!ctx.alive()) {
      return;
    }
    // Firing alerts first, then by name.
    const firing = (alert) => (status.firing.has(alert.id) ? 0 : 1);
    alerts.sort((a, b) => firing(a) - firing(b) || a.name.localeCompare(b.name));
    note.textContent = status.note || `State as of ${formatTime(Math.floor(Date.now() / 1000))}; refreshes every ${REFRESH_SECONDS} s`;
    fill(list, alerts.length
      ? alerts.map((alert) => alertCard(alert, status, opened))
      : state("empty", "No alerts yet", "Create one through the API (POST /v1/alerts) or with 'appoptics alerts create'."));
  }
  await load();
  ctx.every(REFRESH_SECONDS, () => load().catch((e) => (note.textContent = `Could not refresh: ${shortFailure(e)}`)));
}

/**
 * What GET /v1/alerts/status says: firing alerts with the time they triggered, cleared ones with the time they
 * cleared. A server that does not answer it yet leaves the state unknown, and says so.
 */
async function alertStates() {
  try {
    const answer = await get("/v1/alerts/status");
    return {
      known: true,
      firing: new Map((answer.firing || []).map((f) => [f.id, f.triggered_at])),
      cleared: new Map((answer.cleared || []).map((c) => [c.id, c.cleared_at])),
    };
  } catch (e) {
    if (e instanceof ApiFailure && e.status !== 401) {
      return {known: false, firing: new Map(), cleared: new Map(),
        note: `The state of alerts is unknown: this server answers GET /v1/alerts/status with ${shortFailure(e)}`};
    }
    throw e;
  }
}

function alertCard(alert, status, opened) {
  const firingSince = status.firing.get(alert.id);
  const [label, kind, detail] = !status.known ? ["unknown", "off", null]
    : firingSince !== undefined ? ["triggered", "triggered", `since ${formatTime(firingSince)}`]
    : alert.active === false ? ["disabled", "off", null]
    : ["ok", "ok", status.cleared.has(alert.id) ? `cleared ${formatTime(status.cleared.get(alert.id))}` : null];
  const runbook = alert.attributes && alert.attributes.runbook_url;
  return h("section", {class: "panel alert", data: {alertId: alert.id, alertName: alert.name, state: label}},
    h("div", {class: "card-head"},
      h("h3", {}, alert.name),
      h("span", {class: `badge ${kind}`}, label),
      detail ? h("span", {class: "note"}, detail) : null,
      alert.active === false && label !== "disabled" ? h("span", {class: "badge off"}, "disabled") : null),
    alert.description ? h("p", {class: "note"}, alert.description) : null,
    h("h4", {class: "note"}, "Fires when all of these hold"),
    (alert.conditions || []).length
      ? h("ul", {class: "list conditions"}, alert.conditions.map((c) => h("li", {}, conditionText(c))))
      : h("p", {class: "note"}, "No conditions."),
    h("h4", {class: "note"}, "Notifies"),
    (alert.services || []).length
      ? h("ul", {class: "list"}, alert.services.map((s) => h("li", {},
        h("a", {href: "#/services"}, s.title || `service #${s.id}`), h("span", {class: "meta"}, s.type))))
      : h("p", {class: "note"}, "No services."),
    h("p", {class: "note"},
      `Re-arms after ${alert.rearm_seconds ?? 600} s`,
      runbook ? [" · runbook: ", externalLink(runbook)] : null),
    notificationLog(alert, opened));
}

/**
 * The alert's recent notifications, read when opened: GET /v1/alerts/:id/notifications (this server's own log of
 * what it sent to each service and how that went). A server without that log says so.
 */
function notificationLog(alert, opened) {
  const content = h("div", {class: "notifications"});
  const details = h("details", {}, h("summary", {class: "note"}, "Recent notifications"), content);
  details.addEventListener("toggle", async () => {
    if (!details.open) {
      opened.delete(alert.id);
      return;
    }
    opened.add(alert.id);
    fill(content, h("p", {class: "note"}, "Loading…"));
    try {
      const answer = await get(path("alerts", alert.id, "notifications"));
      const sent = answer.notifications || [];
      fill(content, sent.length
        ? h("ul", {class: "list"}, sent.map((n) => h("li", {data: {status: n.status}},
          h("span", {}, formatTime(n.created_at)),
          h("span", {}, `${n.kind || "notification"} to ${(n.service && (n.service.title || n.service.type)) || "a service"}`),
          h("span", {class: `badge ${n.status === "delivered" ? "ok" : n.status === "pending" ? "off" : "triggered"}`}, n.status),
          n.reason ? h("span", {class: "meta"}, n.reason) : null,
          h("span", {class: "meta"}, `${(n.attempts || []).length} attempt${(n.attempts || []).length === 1 ? "" : "s"}`))))
        : h("p", {class: "note"}, "None sent yet."));
    } catch (e) {
      fill(content, h("p", {class: "note"}, e instanceof ApiFailure && e.status === 404
        ? "This server keeps no log of notifications." : `Could not read them: ${shortFailure(e)}`));
    }
  });
  details.open = opened.has(alert.id);
  return details;
}

/** "demo.cpu above 85 (average) for 300 s where region=us-east" */
function conditionText(c) {
  const what = c.type === "absent" ? "stops reporting" : `${c.type} ${c.threshold}`;
  const tags = (c.tags || []).map((t) => `${t.name}=${(t.values || []).join("|")}`).join(", ");
  return [
    h("code", {}, c.metric_name),
    ` ${what}`,
    c.summary_function && c.type !== "absent" ? ` (${c.summary_function})` : "",
    c.duration ? ` for ${c.duration} s` : "",
    tags ? ` where ${tags}` : "",
  ];
}
