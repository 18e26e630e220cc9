// The console: finds out whether a token is needed, then shows the page the address names (#/path?query).
import {forgetToken, hasTypedToken, ready, useToken} from "./api.js";
import {fill, h, state} from "./dom.js";
import {failure} from "./page.js";
import {alertsPage} from "./pages/alerts.js";
import {annotationsPage, annotationStreamPage} from "./pages/annotations.js";
import {landingPage} from "./pages/landing.js";
import {metricPage} from "./pages/metric.js";
import {metricsPage} from "./pages/metrics.js";
import {servicesPage} from "./pages/services.js";
import {spacePage} from "./pages/space.js";

const ROUTES = [
  {pattern: [], section: "spaces", page: landingPage},
  {pattern: ["spaces", ":id"], section: "spaces", page: spacePage},
  {pattern: ["metrics"], section: "metrics", page: metricsPage},
  {pattern: ["metrics", ":name"], section: "metrics", page: metricPage},
  {pattern: ["alerts"], section: "alerts", page: alertsPage},
  {pattern: ["services"], section: "services", page: servicesPage},
  {pattern: ["annotations"], section: "annotations", page: annotationsPage},
  {pattern: ["annotations", ":name"], section: "annotations", page: annotationStreamPage},
];

const main = document.getElementById("main");
let current = null; // the page shown: its generation and what to undo when leaving it

/** Where the address points: the route, its captured segments and the query. */
function location_() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [pathPart, queryPart = ""] = hash.split("?");
  let segments;
  try {
    segments = pathPart.split("/").filter((s) => s !== "").map(decodeURIComponent);
  } catch (e) {
    segments = ["?"];
  }
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) {
      continue;
    }
    const params = {};
    const fits = route.pattern.every((p, i) =>
      p.startsWith(":") ? ((params[p.slice(1)] = segments[i]), true) : p === segments[i]);
    if (fits) {
      return {route, params, query: new URLSearchParams(queryPart)};
    }
  }
  return {route: null, params: {}, query: new URLSearchParams(queryPart)};
}

function leave() {
  if (current) {
    current.cleanups.forEach((undo) => undo());
    current = null;
  }
}

/** Shows the page for the current address. */
async function show() {
  leave();
  const {route, params, query} = location_();
  const page = {generation: Symbol("page"), cleanups: []};
  current = page;
  document.querySelectorAll(".nav a").forEach((a) => {
    const here = Boolean(route) && a.dataset.section === route.section;
    a.classList.toggle("current", here);
    if (here) {
      a.setAttribute("aria-current", "page");
    } else {
      a.removeAttribute("aria-current");
    }
  });
  main.dataset.state = "loading";
  if (!route) {
    document.title = "Not found · AppOptics console";
    fill(main, state("empty", "There is no such page", location.hash, [{label: "Go to the spaces", run: () => go("#/")}]));
    main.dataset.state = "ready";
    return;
  }
  const ctx = {
    main,
    params,
    query,
    alive: () => current === page,
    /** Runs {@code fn} every {@code seconds} while this page is shown. */
    every(seconds, fn) {
      const timer = setInterval(() => {
        if (!document.hidden) {
          fn();
        }
      }, seconds * 1000);
      page.cleanups.push(() => clearInterval(timer));
    },
    onLeave: (fn) => page.cleanups.push(fn),
    /** Goes to the same page with other query parameters. */
    setQuery(values) {
      const next = new URLSearchParams();
      for (const [k, v] of Object.entries(values)) {
        if (v !== null && v !== undefined && v !== "") {
          next.set(k, v);
        }
      }
      const base = location.hash.split("?")[0] || "#/";
      go(next.toString() ? `${base}?${next}` : base);
    },
    title: (text) => (document.title = `${text} · AppOptics console`),
  };
  fill(main, state("loading", "Loading…"));
  try {
    await route.page(ctx);
  } catch (e) {
    if (ctx.alive()) {
      fill(main, failure(e, show));
    }
  }
  if (ctx.alive()) {
    main.dataset.state = "ready";
  }
}

function go(hash) {
  if (location.hash === hash) {
    show();
  } else {
    location.hash = hash;
  }
}

function tokenPrompt(refused) {
  leave();
  document.title = "Token · AppOptics console";
  const input = h("input", {type: "password", name: "token", autocomplete: "current-password", required: true,
    "aria-label": "API token", placeholder: "API token"});
  const problem = h("p", {class: "refused", role: "alert"}, refused ? "That token was refused. Check it and try again." : "");
  const form = h("form", {},
    h("h1", {}, "This server needs an API token"),
    h("p", {class: "note"}, "The console reads the API with your token, as any client does. It is kept in this "
      + "browser tab only (session storage) and forgotten when the tab closes."),
    input, problem, h("button", {type: "submit", class: "primary"}, "Open the console"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.textContent = "";
    try {
      if (await useToken(input.value.trim())) {
        document.getElementById("sign-out").hidden = !hasTypedToken();
        show();
      } else {
        problem.textContent = "That token was refused. Check it and try again.";
      }
    } catch (e) {
      fill(main, failure(e, () => tokenPrompt(false)));
    }
  });
  fill(main, h("section", {class: "panel token-form"}, form));
  main.dataset.state = "token";
  input.focus();
}

function setUpTools() {
  const themeButton = document.getElementById("theme-toggle");
  const order = ["auto", "light", "dark"];
  const label = () => (themeButton.textContent = `Theme: ${window.consoleTheme.chosen()}`);
  themeButton.addEventListener("click", () => {
    const next = order[(order.indexOf(window.consoleTheme.chosen()) + 1) % order.length];
    window.consoleTheme.choose(next);
    label();
  });
  label();
  const signOut = document.getElementById("sign-out");
  signOut.addEventListener("click", () => {
    forgetToken();
    signOut.hidden = true;
    tokenPrompt(false);
  });
}

async function start() {
  setUpTools();
  let canRead;
  try {
    canRead = await ready();
  } catch (e) {
    fill(main, failure(e, () => location.reload()));
    main.dataset.state = "ready";
    return;
  }
  document.getElementById("sign-out").hidden = !hasTypedToken();
  document.addEventListener("console-unauthorized", () => {
    forgetToken();
    setTimeout(() => tokenPrompt(true), 0);
  });
  window.addEventListener("hashchange", show);
  if (canRead) {
    show();
  } else {
    tokenPrompt(false);
  }
}

start();
