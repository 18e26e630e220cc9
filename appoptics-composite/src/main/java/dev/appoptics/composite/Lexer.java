package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.List;

/** Splits composite expression text into tokens; whitespace separates tokens and is otherwise ignored. */
final class Lexer {
  private final String text;
  private int pos;

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) {
    Lexer lexer = new Lexer(text);
    List<Token> tokens = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != Token.Kind.END);
    return tokens;
  }

  static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private Token next() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    if (pos >= text.length()) {
      return new Token(Token.Kind.END, "", pos, pos);
    }
    int start = pos;
    char c = text.charAt(pos);
    Token.Kind single = switch (c) {
      case '(' -> Token.Kind.LPAREN;
      case ')' -> Token.Kind.RPAREN;
      case '{' -> Token.Kind.LBRACE;
      case '}' -> Token.Kind.RBRACE;
      case '[' -> Token.Kind.LBRACKET;
      case ']' -> Token.Kind.RBRACKET;
      case ',' -> Token.Kind.COMMA;
      case ':' -> Token.Kind.COLON;
      default -> null;
    };
    if (single != null) {
      pos++;
      return new Token(single, String.valueOf(c), start, pos);
    }
    if (c == '"' || c == '\'') {
      return string(c);
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      return number();
    }
    if (isIdentifierStart(c)) {
      while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      return new Token(Token.Kind.IDENTIFIER, text.substring(start, pos), start, pos);
    }
    throw error(start, "a function name, string, number, '[', '{' or punctuation",
        "character '" + c + "'");
  }

  private Token string(char quote) {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error(pos, "closing " + quote + " of the string opened at offset " + start, "end of input");
      }
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return new Token(Token.Kind.STRING, value.toString(), start, pos);
      }
      if (c == '\\') {
        value.append(escape());
      } else {
        value.append(c);
        pos++;
      }
    }
  }

  private char escape() {
    int at = pos;
    if (pos + 1 >= text.length()) {
      throw error(pos + 1, "an escaped character after '\\'", "end of input");
    }
    char e = text.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '"', '\'', '\\', '/':
        return e;
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'u':
        if (pos + 4 <= text.length()) {
          String hex = text.substring(pos, pos + 4);
          if (hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
            pos += 4;
            return (char) Integer.parseInt(hex, 16);
          }
        }
        throw error(at, "four hex digits after \\u", "'" + text.substring(at, Math.min(text.length(), at + 6)) + "'");
      default:
        throw error(at, "one of the escapes \\\" \\' \\\\ \\/ \\n \\t \\r \\b \\f \\uXXXX", "'\\" + e + "'");
    }
  }

  private Token number() {
    int start = pos;
    if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
      pos++;
    }
    int digits = skipDigits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits += skipDigits();
    }
    if (digits == 0) {
      throw error(pos, "a digit", describeAt(pos));
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
        pos++;
      }
      if (skipDigits() == 0) {
        throw error(pos, "exponent digits", describeAt(pos));
      }
    }
    if (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      throw error(pos, "a delimiter after the number", describeAt(pos));
    }
    return new Token(Token.Kind.NUMBER, text.substring(start, pos), start, pos);
  }

  private int skipDigits() {
    int from = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos - from;
  }

  private String describeAt(int at) {
    return at >= text.length() ? "end of input" : "character '" + text.charAt(at) + "'";
  }

  private CompositeSyntaxException error(int at, String expected, String found) {
    return new CompositeSyntaxException(text, at, expected, found);
  }
}
