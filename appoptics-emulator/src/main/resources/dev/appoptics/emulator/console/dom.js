// Building the page. Text always goes in as text (never as HTML): names, titles and tags come from the API.

/**
 * An element: h("a", {href: "#/", class: "tile", data: {id: 3}, onclick: fn}, "text", child, [more]).
 * Null, undefined and false children are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "class") {
      element.className = value;
    } else if (name === "data") {
      for (const [key, v] of Object.entries(value)) {
        element.dataset[key] = String(v);
      }
    } else if (name.startsWith("on")) {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces everything inside {@code element}. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/**
 * A state shown in place of content: kind "empty", "loading" or "error"; a title, an optional detail (shown as
 * the server said it) and optional action buttons ({label, run}).
 */
export function state(kind, title, detail, actions = []) {
  return h(
    "div",
    {class: `state state-${kind}`, role: kind === "error" ? "alert" : null, data: {state: kind}},
    h("strong", {}, title),
    detail ? h("div", {class: "detail"}, detail) : null,
    actions.length
      ? h("div", {class: "actions"}, actions.map((a) => h("button", {type: "button", onclick: a.run}, a.label)))
      : null,
  );
}

/** A link that is safe to show: only http(s) addresses become links, anything else stays text. */
export function externalLink(href, label) {
  return /^https?:\/\//i.test(href || "")
    ? h("a", {href, target: "_blank", rel: "noopener noreferrer"}, label || href)
    : h("span", {}, label || href || "");
}

const NUMBER = new Intl.NumberFormat(undefined, {maximumFractionDigits: 3});
const COMPACT = new Intl.NumberFormat(undefined, {maximumSignificantDigits: 4});

/** A value for people: up to 3 decimals, large and tiny ones with 4 significant digits, then the units. */
export function formatNumber(value, units) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return "–";
  }
  const abs = Math.abs(value);
  const text = abs !== 0 && (abs >= 1e6 || abs < 0.001) ? COMPACT.format(value) : NUMBER.format(value);
  return units ? `${text} ${units}` : text;
}

/** Epoch seconds as local date and time. */
export function formatTime(seconds) {
  return new Date(seconds * 1000).toLocaleString(undefined, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
  });
}

/** "host=web1, region=eu" */
export function formatTags(tags) {
  const entries = Object.entries(tags || {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(", ") : "";
}

/** A definition list of name → value rows; values that are null or undefined are left out. */
export function definitions(rows) {
  return h(
    "dl",
    {class: "attrs"},
    rows.filter(([, value]) => value !== null && value !== undefined && value !== "")
      .map(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]),
  );
}
