package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for the grammar
 *
 * <pre>
 * expression := (call | set) END
 * value      := call | set | map | STRING | NUMBER | IDENTIFIER
 * call       := IDENTIFIER '(' [value (',' value)*] ')'      -- no whitespace before '('
 * set        := '[' [value (',' value)*] ']'
 * map        := '{' [key ':' value (',' key ':' value)*] '}'
 * key        := IDENTIFIER | STRING
 * </pre>
 *
 * <p>Calls, sets and maps nest at most {@link #MAX_DEPTH} levels deep: the parser, the checker and the evaluator all
 * recurse once per level, so deeper text is refused with a positioned error instead of overflowing the stack.
 */
final class Parser {
  /** The deepest nesting of calls, sets and maps accepted; real expressions stay under ten. */
  static final int MAX_DEPTH = 100;

  private final String text;
  private final List<Token> tokens;
  private int index;
  private int depth;

  private Parser(String text) {
    this.text = text;
    this.tokens = Lexer.tokenize(text);
  }

  static Expression parse(String text) {
    Parser parser = new Parser(text);
    Token first = parser.peek();
    if (first.kind() != Token.Kind.IDENTIFIER && first.kind() != Token.Kind.LBRACKET) {
      throw parser.error(first, "a function call or '['");
    }
    Expression expression = parser.value();
    if (!(expression instanceof Expression.Call) && !(expression instanceof Expression.SetOf)) {
      throw new CompositeSyntaxException(text, first.start(), "a function call or '['",
          "identifier '" + first.text() + "'");
    }
    parser.expect(Token.Kind.END, "end of input");
    return expression;
  }

  private Expression value() {
    Token token = next();
    return switch (token.kind()) {
      case IDENTIFIER -> identifier(token);
      case LBRACKET -> deeper(token, () -> new Expression.SetOf(list(Token.Kind.RBRACKET, "']'"), token.start()));
      case LBRACE -> deeper(token, () -> map(token));
      case STRING -> new Expression.Text(token.text(), token.start());
      case NUMBER -> new Expression.Number(token.text(), token.start());
      default -> throw error(token, "a value (function call, string, number, '[' or '{')");
    };
  }

  /** Parses a call's, set's or map's contents one level deeper, refusing to go past {@link #MAX_DEPTH}. */
  private Expression deeper(Token opening, Supplier<Expression> contents) {
    if (depth == MAX_DEPTH) {
      throw new CompositeSyntaxException(text, opening.start(), "nesting at most " + MAX_DEPTH + " levels deep",
          "level " + (MAX_DEPTH + 1));
    }
    depth++;
    try {
      return contents.get();
    } finally {
      depth--;
    }
  }

  private Expression identifier(Token name) {
    Token after = peek();
    if (after.kind() != Token.Kind.LPAREN) {
      return new Expression.Word(name.text(), name.start());
    }
    if (after.start() != name.end()) {
      throw new CompositeSyntaxException(text, name.end(), "'(' directly after the function name " + name.text(),
          "whitespace");
    }
    next();
    return deeper(name, () -> new Expression.Call(name.text(), list(Token.Kind.RPAREN, "')'"), name.start()));
  }

  private List<Expression> list(Token.Kind close, String closeText) {
    List<Expression> items = new ArrayList<>();
    if (peek().kind() == close) {
      next();
      return items;
    }
    while (true) {
      items.add(value());
      Token token = next();
      if (token.kind() == close) {
        return items;
      }
      if (token.kind() != Token.Kind.COMMA) {
        throw error(token, closeText + " or ','");
      }
    }
  }

  private Expression map(Token open) {
    Map<String, Expression> entries = new LinkedHashMap<>();
    if (peek().kind() == Token.Kind.RBRACE) {
      next();
      return new Expression.MapOf(entries, open.start());
    }
    while (true) {
      Token key = next();
      if (key.kind() != Token.Kind.IDENTIFIER && key.kind() != Token.Kind.STRING) {
        throw error(key, "a map key (name or string)");
      }
      if (entries.containsKey(key.text())) {
        throw new CompositeSyntaxException(text, key.start(), "a key not already in this map",
            "duplicate key '" + key.text() + "'");
      }
      expect(Token.Kind.COLON, "':'");
      entries.put(key.text(), value());
      Token token = next();
      if (token.kind() == Token.Kind.RBRACE) {
        return new Expression.MapOf(entries, open.start());
      }
      if (token.kind() != Token.Kind.COMMA) {
        throw error(token, "'}' or ','");
      }
    }
  }

  private void expect(Token.Kind kind, String expected) {
    Token token = next();
    if (token.kind() != kind) {
      throw error(token, expected);
    }
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token next() {
    Token token = tokens.get(index);
    if (token.kind() != Token.Kind.END) {
      index++;
    }
    return token;
  }

  private CompositeSyntaxException error(Token found, String expected) {
    return new CompositeSyntaxException(text, found.start(), expected, found.describe());
  }
}
