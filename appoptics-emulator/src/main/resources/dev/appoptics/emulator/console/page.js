// What every page shares: its heading, and how a failure is shown.
import {ApiFailure, Unreachable} from "./api.js";
import {h, state} from "./dom.js";

/** The heading row: breadcrumbs, a title and controls on the right. */
export function pageHead(title, crumbs = [], ...controls) {
  return h(
    "div",
    {class: "page-head"},
    crumbs.length ? h("div", {class: "crumbs"}, crumbs.map((c, i) => [i ? " / " : "", c])) : null,
    h("h1", {}, title),
    h("span", {class: "spacer"}),
    controls,
  );
}

/**
 * A failure as a user wants to see it: what happened in words, what the server said, and a way to try again. A
 * refused token asks for a new one.
 */
export function failure(error, retry) {
  const actions = retry ? [{label: "Try again", run: retry}] : [];
  if (error instanceof Unreachable) {
    return state("error", "The server does not answer",
      `No answer from ${location.origin} (${error.path || "request"}). It may have stopped or the network is down.`,
      actions);
  }
  if (error instanceof ApiFailure) {
    if (error.status === 401) {
      document.dispatchEvent(new CustomEvent("console-unauthorized"));
      return state("error", "The token was refused", "Type a token this server accepts.", actions);
    }
    const title = error.status === 404 ? "Not found"
      : error.status === 429 ? "Too many requests: the server's rate limit was hit"
      : error.status >= 500 ? `The server failed (${error.status})`
      : `The server refused the request (${error.status})`;
    return state("error", title, `${error.path}: ${error.messages.join("; ")}`, actions);
  }
  if (error && error.name === "TransformError") {
    return state("error", "A stream's transform_function cannot be read", error.message, actions);
  }
  return state("error", "Something went wrong in the console", String(error && error.message || error), actions);
}

/** A one-line error for a small area such as one chart stream: "404: message". */
export function shortFailure(error) {
  if (error instanceof ApiFailure) {
    return `${error.status}: ${error.messages.join("; ")}`;
  }
  if (error instanceof Unreachable) {
    return "the server does not answer";
  }
  return String(error && error.message || error);
}
