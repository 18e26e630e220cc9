package dev.appoptics.composite;

/** One lexical token: its kind, its text (string tokens hold the unescaped value) and where it starts and ends. */
record Token(Kind kind, String text, int start, int end) {

  enum Kind {
    IDENTIFIER, STRING, NUMBER, LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, COLON, END
  }

  /** How the token reads in an error message. */
  String describe() {
    return switch (kind) {
      case END -> "end of input";
      case IDENTIFIER -> "identifier '" + text + "'";
      case STRING -> "string " + Expression.quote(text);
      case NUMBER -> "number " + text;
      default -> "'" + text + "'";
    };
  }
}
