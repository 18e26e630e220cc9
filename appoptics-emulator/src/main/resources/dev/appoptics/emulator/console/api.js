// The server's own public v1 API, from the browser (same origin), authenticated like every other client:
// HTTP Basic with the token as user name.

const TOKEN_KEY = "appoptics.console.token";
const PROBE_KEY = "appoptics.console.probe";
const MAX_PAGES = 50;

/** An answer other than 2xx: its status and the messages of its error body, "field: message" each. */
export class ApiFailure extends Error {
  constructor(status, messages, path) {
    super(`${status} from ${path}: ${messages.join("; ")}`);
    this.status = status;
    this.messages = messages;
    this.path = path;
  }
}

/** No answer at all: the server stopped, the network is down. */
export class Unreachable extends Error {
  constructor(path, cause) {
    super(`no answer from the server for ${path}`);
    this.cause = cause;
  }
}

const session = {
  token: stored(TOKEN_KEY),
  // True when the server accepted a token it cannot know: it accepts any token, so nobody is asked for one.
  open: false,
};

function stored(key) {
  try {
    return sessionStorage.getItem(key);
  } catch (e) {
    return null;
  }
}

function store(key, value) {
  try {
    sessionStorage.setItem(key, value);
  } catch (e) {
    // kept in memory only
  }
}

/** Whether a token was typed (and can be forgotten). */
export function hasTypedToken() {
  return !session.open && Boolean(session.token);
}

export function forgetToken() {
  session.token = null;
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // nothing was stored
  }
}

/**
 * Finds out whether a token is needed: a typed token still accepted is used; otherwise a random token nobody
 * configured is tried, and if the server accepts it, it accepts any token and nobody is asked (that token is kept
 * for the tab, so reloading does not make up another). Returns true when requests can be made, false when a token
 * must be typed.
 */
export async function ready() {
  if (session.token && (await accepted(session.token))) {
    return true;
  }
  forgetToken();
  const probe = stored(PROBE_KEY) || `console-probe-${randomHex()}`;
  if (await accepted(probe)) {
    session.token = probe;
    session.open = true;
    store(PROBE_KEY, probe);
    return true;
  }
  return false;
}

/** Tries a typed token; keeps it for this browser tab when the server accepts it. */
export async function useToken(token) {
  if (!(await accepted(token))) {
    return false;
  }
  session.token = token;
  session.open = false;
  store(TOKEN_KEY, token);
  return true;
}

async function accepted(token) {
  try {
    await request("/v1/spaces", {length: 1}, token);
    return true;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) {
      return false;
    }
    throw e;
  }
}

function randomHex() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** GET a path under /v1 with query parameters (arrays repeat the parameter); the parsed JSON answer. */
export function get(path, params = {}) {
  return request(path, params, session.token);
}

/**
 * Every item of a paged list ({query: {found}, <key>: [...]}), fetched 100 at a time. Returns the items and the
 * number found.
 */
export async function getAll(path, key, params = {}) {
  const items = [];
  let found = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await get(path, {...params, offset: items.length, length: 100});
    const batch = answer[key] || [];
    found = answer.query ? answer.query.found : batch.length;
    items.push(...batch);
    if (batch.length === 0 || items.length >= found) {
      break;
    }
  }
  return {items, found};
}

/** A path with each segment escaped: /v1/metrics/{name}. */
export function path(...segments) {
  return "/v1/" + segments.map((s) => encodeURIComponent(String(s))).join("/");
}

/** The path and query of a link the server sent (a "next" page); always asked of this same origin. */
export function sameOrigin(href) {
  const url = new URL(href, location.href);
  return url.pathname + url.search;
}

/** GET a path and query string as given (a "next" link). */
export function getLink(pathAndQuery) {
  return request(pathAndQuery, {}, session.token);
}

async function request(target, params, token) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== "") {
        query.append(name, String(v));
      }
    }
  }
  const separator = target.includes("?") ? "&" : "?";
  const url = query.toString() ? `${target}${separator}${query}` : target;
  let response;
  try {
    response = await fetch(url, {
      headers: {Accept: "application/json", Authorization: basic(token || "")},
      cache: "no-store",
    });
  } catch (e) {
    throw new Unreachable(target.split("?")[0], e);
  }
  const text = await response.text().catch(() => "");
  if (!response.ok) {
    throw new ApiFailure(response.status, errorMessages(text, response.statusText), target.split("?")[0]);
  }
  return text ? JSON.parse(text) : {};
}

function basic(token) {
  const bytes = new TextEncoder().encode(`${token}:`);
  return "Basic " + btoa(String.fromCharCode(...bytes));
}

/** Every error body shape the API uses, as "field: message" lines. */
function errorMessages(text, fallback) {
  let body;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return [text.trim() || fallback || "no details"];
  }
  const out = [];
  const errors = body && body.errors;
  if (Array.isArray(errors)) {
    errors.forEach((m) => out.push(String(m)));
  } else if (errors && typeof errors === "object") {
    collect(errors.params, "", out);
    for (const group of ["request", "system"]) {
      const value = errors[group];
      (Array.isArray(value) ? value : value ? [value] : []).forEach((m) => out.push(String(m)));
    }
  }
  if (body && typeof body.error === "string") {
    out.push(body.error);
  }
  return out.length ? out : [text.trim() || fallback || "no details"];
}

function collect(params, prefix, out) {
  if (!params || typeof params !== "object") {
    return;
  }
  for (const [field, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}.${field}` : field;
    if (Array.isArray(value)) {
      value.forEach((m) => out.push(`${name}: ${m}`));
    } else if (value && typeof value === "object") {
      collect(value, name, out);
    } else {
      out.push(`${name}: ${value}`);
    }
  }
}
