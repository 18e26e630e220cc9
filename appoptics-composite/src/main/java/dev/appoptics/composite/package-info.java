/**
 * The AppOptics composite metric language: lexer, parser, checker and evaluator, with no dependencies.
 *
 * <p>{@link dev.appoptics.composite.Composite#parse} turns text into an {@link dev.appoptics.composite.Expression}
 * tree (or throws {@link dev.appoptics.composite.CompositeSyntaxException} with the position and what was expected);
 * {@link dev.appoptics.composite.Composite#compile} also checks every call (or throws
 * {@link dev.appoptics.composite.CompositeEvaluationException} naming the function and argument); and
 * {@link dev.appoptics.composite.Composite#evaluate} runs it over a {@link dev.appoptics.composite.SeriesSource}
 * for a {@link dev.appoptics.composite.TimeRange}, returning {@link dev.appoptics.composite.Series}.
 *
 * <pre>{@code
 * Composite c = Composite.compile("divide([s(\"errors\", \"*\"), s(\"requests\", \"*\")])");
 * List<Series> ratio = c.evaluate(source, new TimeRange(start, end, 60));
 * }</pre>
 *
 * <p>The language as implemented is described in {@code docs/composites.md}.
 */
package dev.appoptics.composite;
