package dev.appoptics.metrics;

import dev.appoptics.composite.Composite;
import dev.appoptics.composite.Expression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A composite metric expression, built in Java instead of by string concatenation. Every language function has a
 * static factory; the result renders as canonical expression text ({@link #toString()}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Compose avg = Compose.mean(Compose.s("temperature", "*").function("mean").period(3600));
 * avg.toString(); // mean(s("temperature", "*", {function: "mean", period: "3600"}))
 * CompositeResult r = appOptics.getComposite(avg, MeasurementQuery.last(Duration.ofHours(8), 60));
 * }</pre>
 *
 * <p>Expressions written as text can be checked locally with {@link #parse(String)}, which reports the position of
 * syntax errors ({@link dev.appoptics.composite.CompositeSyntaxException}) and names the function and argument of
 * misused calls ({@link dev.appoptics.composite.CompositeEvaluationException}). The language is described in
 * {@code docs/composites.md}.
 */
public sealed class Compose permits Compose.Selector, Compose.Filter {
  private final Expression expression;

  Compose(Expression expression) {
    this.expression = expression;
  }

  /**
   * Parses and checks an expression written as text.
   *
   * @throws dev.appoptics.composite.CompositeSyntaxException when it does not parse (with the position)
   * @throws dev.appoptics.composite.CompositeEvaluationException when a call is misused (function and argument)
   */
  public static Compose parse(String text) {
    Objects.requireNonNull(text, "text");
    return new Compose(Composite.compile(text).expression());
  }

  /** Like {@link #parse} but only checks; returns the canonical text. */
  public static String validate(String text) {
    return parse(text).toString();
  }

  /** The syntax tree of this expression. */
  public Expression expression() {
    return expression;
  }

  /** Canonical expression text, as sent to the API. */
  @Override
  public String toString() {
    return expression.render();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Compose c && c.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  // ---- selection ----

  /** {@code s(metric, tags)}: the streams of metrics matching {@code metric} whose tags match every pattern. */
  public static Selector s(String metric, Map<String, String> tags) {
    Map<String, Expression> entries = new LinkedHashMap<>();
    Objects.requireNonNull(tags, "tags").forEach((k, v) -> entries.put(k, text(v)));
    return new Selector(metric, new Expression.MapOf(entries, 0), Map.of());
  }

  /** {@code s(metric, "*")} (all streams) or {@code s(metric, "%")} (dashboard-supplied tags). */
  public static Selector s(String metric, String allTags) {
    if (!"*".equals(allTags) && !"%".equals(allTags)) {
      throw new IllegalArgumentException("tags must be \"*\", \"%\" or a map of tag patterns, got \"" + allTags + "\"");
    }
    return new Selector(metric, text(allTags), Map.of());
  }

  /** {@code s(metric, "*")}: every stream of the matching metrics. */
  public static Selector s(String metric) {
    return s(metric, "*");
  }

  /** Same as {@link #s(String, Map)}. */
  public static Selector series(String metric, Map<String, String> tags) {
    return s(metric, tags);
  }

  /** {@code s(...)} with options: pick the summary {@link #function} and summarising {@link #period}. */
  public static final class Selector extends Compose {
    private final String metric;
    private final Expression tags;
    private final Map<String, String> options;

    private Selector(String metric, Expression tags, Map<String, String> options) {
      super(render(metric, tags, options));
      this.metric = metric;
      this.tags = tags;
      this.options = options;
    }

    private static Expression render(String metric, Expression tags, Map<String, String> options) {
      if (Objects.requireNonNull(metric, "metric").isEmpty()) {
        throw new IllegalArgumentException("metric must not be empty");
      }
      List<Expression> args = new ArrayList<>(List.of(text(metric), tags));
      if (!options.isEmpty()) {
        args.add(map(options));
      }
      return call("s", args);
    }

    /** Summary statistic per period: {@code min}, {@code max}, {@code mean} (default), {@code sum} or {@code count}. */
    public Selector function(String function) {
      if (!List.of("min", "max", "mean", "sum", "count").contains(function)) {
        throw new IllegalArgumentException("function must be min, max, mean, sum or count, got \"" + function + "\"");
      }
      return with("function", function);
    }

    /** Summarising interval in seconds (1 to 604800). */
    public Selector period(long seconds) {
      if (seconds < 1 || seconds > 604_800) {
        throw new IllegalArgumentException("period must be between 1 and 604800 seconds, got " + seconds);
      }
      return with("period", Long.toString(seconds));
    }

    private Selector with(String key, String value) {
      Map<String, String> copy = new LinkedHashMap<>(options);
      copy.put(key, value);
      return new Selector(metric, tags, copy);
    }
  }

  // ---- sets and aggregation ----

  /** {@code [a, b, ...]}: several sets as one (nested sets flatten). */
  public static Compose set(Compose... members) {
    return new Compose(new Expression.SetOf(expressions(members), 0));
  }

  /** Point-wise sum of the series (of all members when several are given). */
  public static Compose sum(Compose... sets) {
    return fold("sum", sets);
  }

  /** Point-wise mean. */
  public static Compose mean(Compose... sets) {
    return fold("mean", sets);
  }

  /** Point-wise minimum. */
  public static Compose min(Compose... sets) {
    return fold("min", sets);
  }

  /** Point-wise maximum. */
  public static Compose max(Compose... sets) {
    return fold("max", sets);
  }

  /** Number of series with a point at each time. */
  public static Compose count(Compose... sets) {
    return fold("count", sets);
  }

  /** Point-wise sum where every series has a point. */
  public static Compose add(Compose... sets) {
    return fold("add", sets);
  }

  /** Point-wise product where every series has a point. */
  public static Compose multiply(Compose... sets) {
    return fold("multiply", sets);
  }

  /** {@code subtract([a, b])}: a minus b where both have a point. */
  public static Compose subtract(Compose a, Compose b) {
    return fold("subtract", a, b);
  }

  /** {@code divide([a, b])}: a divided by b where both have a point and b is not zero. */
  public static Compose divide(Compose a, Compose b) {
    return fold("divide", a, b);
  }

  private static Compose fold(String name, Compose... sets) {
    if (sets.length == 0) {
      throw new IllegalArgumentException(name + " needs at least one set");
    }
    Expression arg = sets.length == 1 ? sets[0].expression : new Expression.SetOf(expressions(sets), 0);
    return new Compose(call(name, List.of(arg)));
  }

  // ---- transforms ----

  /** Multiplies every value by {@code factor}. */
  public static Compose scale(Compose set, double factor) {
    return withOptions("scale", set, Map.of("factor", number(factor)));
  }

  /** Multiplies every value by a fraction such as {@code "1/1024"} or a decimal such as {@code "0.5"}. */
  public static Compose scale(Compose set, String factor) {
    return withOptions("scale", set, Map.of("factor", Objects.requireNonNull(factor, "factor")));
  }

  /** Per-second change between consecutive points. */
  public static Compose derive(Compose set) {
    return unary("derive", set);
  }

  /** Per-second change; with {@code detectReset} a drop (counter reset) gives no point. */
  public static Compose derive(Compose set, boolean detectReset) {
    return withOptions("derive", set, Map.of("detect_reset", Boolean.toString(detectReset)));
  }

  /** Each value divided by the series' period in seconds. */
  public static Compose rate(Compose set) {
    return unary("rate", set);
  }

  /** Running total. */
  public static Compose integrate(Compose set) {
    return unary("integrate", set);
  }

  /** Absolute values. */
  public static Compose abs(Compose set) {
    return unary("abs", set);
  }

  /** Trailing window of {@code size} points (1 to 64) summarised with {@code mean}. */
  public static Compose window(Compose set, int size) {
    return withOptions("window", set, Map.of("size", Integer.toString(size)));
  }

  /** Trailing window summarised with {@code mean}, {@code sum}, {@code min}, {@code max} or {@code median}. */
  public static Compose window(Compose set, int size, String function) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("size", Integer.toString(size));
    options.put("function", Objects.requireNonNull(function, "function"));
    return withOptions("window", set, options);
  }

  /** Mean of the last {@code size} points. */
  public static Compose movingAverage(Compose set, int size) {
    return withOptions("moving_average", set, Map.of("size", Integer.toString(size)));
  }

  /** Fills empty periods of the window with {@code value}. */
  public static Compose fill(Compose set, double value) {
    return withOptions("fill", set, Map.of("value", number(value)));
  }

  /** Fills empty periods with 0. */
  public static Compose zeroFill(Compose set) {
    return unary("zero_fill", set);
  }

  /** Fills empty periods with the previous value. */
  public static Compose lastFill(Compose set) {
    return unary("last_fill", set);
  }

  // ---- selection of whole series ----

  /** The {@code count} series with the highest mean. */
  public static Compose top(Compose set, int count) {
    return withOptions("top", set, Map.of("count", Integer.toString(count)));
  }

  /** The {@code count} series ranked highest by {@code function} ({@code mean}, {@code min}, {@code max}, {@code sum}). */
  public static Compose top(Compose set, int count, String function) {
    return ranked("top", set, count, function);
  }

  /** The {@code count} series with the lowest mean. */
  public static Compose bottom(Compose set, int count) {
    return withOptions("bottom", set, Map.of("count", Integer.toString(count)));
  }

  /** The {@code count} series ranked lowest by {@code function}. */
  public static Compose bottom(Compose set, int count, String function) {
    return ranked("bottom", set, count, function);
  }

  private static Compose ranked(String name, Compose set, int count, String function) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("count", Integer.toString(count));
    options.put("function", Objects.requireNonNull(function, "function"));
    return withOptions(name, set, options);
  }

  /** {@code filter(set, {...})}: add bounds with {@link Filter#gt} and friends. */
  public static Filter filter(Compose set) {
    return new Filter(Objects.requireNonNull(set, "set"), Map.of());
  }

  /** A {@code filter()} call: keeps series whose summary lies within all bounds. */
  public static final class Filter extends Compose {
    private final Compose set;
    private final Map<String, String> options;

    private Filter(Compose set, Map<String, String> options) {
      super(call("filter", options.isEmpty() ? List.of(set.expression) : List.of(set.expression, map(options))));
      this.set = set;
      this.options = options;
    }

    /** Summary greater than {@code v}. */
    public Filter gt(double v) {
      return with("gt", number(v));
    }

    /** Summary at least {@code v}. */
    public Filter gte(double v) {
      return with("gte", number(v));
    }

    /** Summary less than {@code v}. */
    public Filter lt(double v) {
      return with("lt", number(v));
    }

    /** Summary at most {@code v}. */
    public Filter lte(double v) {
      return with("lte", number(v));
    }

    /** The summary: {@code mean} (default), {@code min}, {@code max} or {@code sum}. */
    public Filter function(String function) {
      return with("function", Objects.requireNonNull(function, "function"));
    }

    private Filter with(String key, String value) {
      Map<String, String> copy = new LinkedHashMap<>(options);
      copy.put(key, value);
      return new Filter(set, copy);
    }
  }

  // ---- re-evaluation ----

  /** {@code timeshift("1d", set)}: the set as it was {@code shifts} earlier (comma list, e.g. {@code "0,1,7d"}). */
  public static Compose timeshift(String shifts, Compose set) {
    return new Compose(call("timeshift", List.of(text(shifts), set.expression)));
  }

  /** {@code group_by("tag1,tag2", set)}: the set evaluated once per combination of the tags' values. */
  public static Compose groupBy(String tags, Compose set) {
    return new Compose(call("group_by", List.of(text(tags), set.expression)));
  }

  /** {@code group_by} over several tag names. */
  public static Compose groupBy(List<String> tags, Compose set) {
    return groupBy(String.join(",", tags), set);
  }

  // ---- rendering helpers ----

  private static Compose unary(String name, Compose set) {
    return new Compose(call(name, List.of(Objects.requireNonNull(set, "set").expression)));
  }

  private static Compose withOptions(String name, Compose set, Map<String, String> options) {
    return new Compose(call(name, List.of(Objects.requireNonNull(set, "set").expression, map(options))));
  }

  private static Expression call(String name, List<Expression> args) {
    return new Expression.Call(name, args, 0);
  }

  private static Expression text(String value) {
    return new Expression.Text(Objects.requireNonNull(value, "value"), 0);
  }

  private static Expression map(Map<String, String> options) {
    Map<String, Expression> entries = new LinkedHashMap<>();
    options.forEach((k, v) -> entries.put(k, text(v)));
    return new Expression.MapOf(entries, 0);
  }

  private static List<Expression> expressions(Compose... members) {
    return Arrays.stream(members).map(m -> Objects.requireNonNull(m, "member").expression).toList();
  }

  private static String number(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("number must be finite, got " + v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
