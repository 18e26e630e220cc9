// A stream's transform_function: a linear formula over x (the value) and p (the period in seconds), run on every
// point before it is drawn, as the service's charts did. Parsed here, never evaluated as JavaScript.

/** A formula that does not parse: a mistake in the chart's definition, not in the console or the server. */
export class TransformError extends Error {
  constructor(message) {
    super(message);
    this.name = "TransformError";
  }
}

/**
 * The formula as a function (x, p) => number. Numbers, x, p, + - * / and parentheses; a factor written next to
 * another multiplies (2x, 3(x+1)). Throws a TransformError naming the formula and the position of what does not parse.
 */
export function compileTransform(text) {
  const tokens = tokenize(text);
  let at = 0;
  const fail = (why) => {
    const where = at < tokens.length ? tokens[at].pos : text.length;
    throw new TransformError(`transform_function '${text}': ${why} at position ${where + 1}`);
  };
  const peek = () => (at < tokens.length ? tokens[at].kind : "end");

  function expression() {
    let node = term();
    while (peek() === "+" || peek() === "-") {
      const op = tokens[at++].kind;
      const left = node;
      const right = term();
      node = op === "+" ? (x, p) => left(x, p) + right(x, p) : (x, p) => left(x, p) - right(x, p);
    }
    return node;
  }

  function term() {
    let node = factor();
    for (;;) {
      const next = peek();
      if (next === "*" || next === "/") {
        at++;
        const left = node;
        const right = factor();
        node = next === "*" ? (x, p) => left(x, p) * right(x, p) : (x, p) => left(x, p) / right(x, p);
      } else if (next === "number" || next === "x" || next === "p" || next === "(") {
        const left = node;
        const right = factor();
        node = (x, p) => left(x, p) * right(x, p);
      } else {
        return node;
      }
    }
  }

  function factor() {
    const token = tokens[at];
    switch (peek()) {
      case "-": {
        at++;
        const inner = factor();
        return (x, p) => -inner(x, p);
      }
      case "+":
        at++;
        return factor();
      case "number":
        at++;
        return () => token.value;
      case "x":
        at++;
        return (x) => x;
      case "p":
        at++;
        return (x, p) => p;
      case "(": {
        at++;
        const inner = expression();
        if (peek() !== ")") {
          fail("a ')' is missing");
        }
        at++;
        return inner;
      }
      default:
        return fail(peek() === "end" ? "the formula ends too early" : `'${token.text}' is not expected`);
    }
  }

  if (tokens.length === 0) {
    fail("the formula is empty");
  }
  const formula = expression();
  if (at < tokens.length) {
    fail(`'${tokens[at].text}' is not expected`);
  }
  return formula;
}

function tokenize(text) {
  const tokens = [];
  const pattern = /\s*(?:(\d+(?:\.\d*)?|\.\d+)|([xp()+\-*/])|(\S))/gy;
  let match;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text)) !== null) {
    const pos = match.index + match[0].length - (match[1] || match[2] || match[3] || "").length;
    if (match[1] !== undefined) {
      tokens.push({kind: "number", value: Number(match[1]), text: match[1], pos});
    } else if (match[2] !== undefined) {
      tokens.push({kind: match[2], text: match[2], pos});
    } else if (match[3] !== undefined) {
      throw new TransformError(`transform_function '${text}': '${match[3]}' is not allowed at position ${pos + 1}`
        + " (numbers, x, p, + - * / and parentheses are)");
    }
  }
  return tokens;
}
