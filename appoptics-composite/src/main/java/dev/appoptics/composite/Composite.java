package dev.appoptics.composite;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed and checked composite metric expression, ready to evaluate. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Composite c = Composite.compile("mean(s(\"temperature\", \"*\", {function: \"mean\", period: \"3600\"}))");
 * List<Series> result = c.evaluate(source, new TimeRange(start, end, 60));
 * }</pre>
 *
 * <p>{@link #compile} reports text that does not parse with a {@link CompositeSyntaxException} (position and what
 * was expected) and calls that cannot work (unknown function, wrong arguments or options) with a
 * {@link CompositeEvaluationException} naming the function and argument. The language is described in
 * {@code docs/composites.md}.
 */
public final class Composite {
  private final Expression expression;
  private final Node plan;

  private Composite(Expression expression, Node plan) {
    this.expression = expression;
    this.plan = plan;
  }

  /** Parses {@code text} into a syntax tree without checking functions or arguments. */
  public static Expression parse(String text) {
    Objects.requireNonNull(text, "text");
    return Parser.parse(text);
  }

  /** Parses and checks {@code text}. */
  public static Composite compile(String text) {
    return compile(parse(text));
  }

  /** Checks an already parsed expression. */
  public static Composite compile(Expression expression) {
    Objects.requireNonNull(expression, "expression");
    return new Composite(expression, Compiler.compile(expression));
  }

  /** The names of all functions the language knows. */
  public static Set<String> functions() {
    return Functions.ALL.keySet();
  }

  /** The syntax tree. */
  public Expression expression() {
    return expression;
  }

  /** The canonical text of the expression. */
  public String text() {
    return expression.render();
  }

  /** Evaluates the expression over {@code source} for {@code range}; the series come in a stable order. */
  public List<Series> evaluate(SeriesSource source, TimeRange range) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(range, "range");
    return List.copyOf(plan.eval(new Context(source, range, Map.of(), null)));
  }

  @Override
  public String toString() {
    return text();
  }
}
