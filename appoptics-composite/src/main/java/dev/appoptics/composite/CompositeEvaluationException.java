package dev.appoptics.composite;

/**
 * A composite expression that parses but cannot be evaluated: an unknown function, a wrong number of arguments, an
 * argument of the wrong kind or an invalid option. It names the function and the argument (such as
 * {@code "argument 1"} or {@code "option 'size'"}) and the 0-based offset of the offending text.
 */
public final class CompositeEvaluationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String function;
  private final String argument;
  private final int position;

  CompositeEvaluationException(String function, String argument, int position, String problem) {
    super(function + "(): " + (argument.isEmpty() ? "" : argument + " ") + problem + " (offset " + position + ")");
    this.function = function;
    this.argument = argument;
    this.position = position;
  }

  /** The function whose call is wrong, e.g. {@code "divide"}. */
  public String function() {
    return function;
  }

  /** The argument at fault, e.g. {@code "argument 2"} or {@code "option 'factor'"}; empty for call-level errors. */
  public String argument() {
    return argument;
  }

  /** 0-based offset of the offending text in the expression. */
  public int position() {
    return position;
  }
}
