package dev.appoptics.composite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed composite expression: an immutable syntax tree. Every node knows the 0-based offset where it starts and
 * renders itself back as canonical text ({@link #render()}): double-quoted strings, {@code ", "} between arguments,
 * {@code {key: value}} maps with bare keys where possible.
 */
public sealed interface Expression {

  /** 0-based offset of the first character of this node in the parsed text. */
  int position();

  /** Canonical text of this node. */
  String render();

  /** A function call such as {@code sum(s("cpu", "*"))}. */
  record Call(String name, List<Expression> arguments, int position) implements Expression {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public String render() {
      return name + arguments.stream().map(Expression::render).collect(Collectors.joining(", ", "(", ")"));
    }
  }

  /** A set of expressions, {@code [a, b]}; nested sets flatten when evaluated. */
  record SetOf(List<Expression> elements, int position) implements Expression {
    public SetOf {
      elements = List.copyOf(elements);
    }

    @Override
    public String render() {
      return elements.stream().map(Expression::render).collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /** A map such as {@code {function: "mean", period: "60"}}; keys keep their written order. */
  record MapOf(Map<String, Expression> entries, int position) implements Expression {
    public MapOf {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String render() {
      return entries.entrySet().stream()
          .map(e -> (isIdentifier(e.getKey()) ? e.getKey() : quote(e.getKey())) + ": " + e.getValue().render())
          .collect(Collectors.joining(", ", "{", "}"));
    }
  }

  /** A string literal (its value, escapes resolved). */
  record Text(String value, int position) implements Expression {
    @Override
    public String render() {
      return quote(value);
    }
  }

  /** A number literal, kept as written so that rendering is faithful. */
  record Number(String text, int position) implements Expression {
    /** The numeric value. */
    public double value() {
      return Double.parseDouble(text);
    }

    @Override
    public String render() {
      return text;
    }
  }

  /** A bare word used as a value, e.g. {@code mean} in {@code {function: mean}}. */
  record Word(String name, int position) implements Expression {
    @Override
    public String render() {
      return name;
    }
  }

  /** Double-quotes {@code value}, escaping quotes, backslashes and control characters. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** True if {@code s} can be written as a bare map key or word. */
  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Lexer.isIdentifierStart(s.charAt(0))) {
      return false;
    }
    return s.chars().allMatch(c -> Lexer.isIdentifierPart((char) c));
  }
}
