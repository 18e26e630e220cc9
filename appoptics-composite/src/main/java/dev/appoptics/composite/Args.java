package dev.appoptics.composite;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked arguments of one call: compiled sets, strings, tag maps and options, with typed option readers whose
 * errors name the function and the option.
 */
final class Args {
  private static final Pattern FRACTION = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

  final Expression.Call call;
  private final List<Object> values;
  private final Map<String, Expression> options;

  Args(Expression.Call call, List<Object> values, Map<String, Expression> options) {
    this.call = call;
    this.values = values;
    this.options = options;
  }

  Node set(int index) {
    return (Node) values.get(index);
  }

  String string(int index) {
    return (String) values.get(index);
  }

  Object raw(int index) {
    return index < values.size() ? values.get(index) : null;
  }

  boolean has(String option) {
    return options.containsKey(option);
  }

  CompositeEvaluationException error(String argument, int position, String problem) {
    return new CompositeEvaluationException(call.name(), argument, position, problem);
  }

  CompositeEvaluationException optionError(String option, String problem) {
    Expression value = options.get(option);
    return error("option '" + option + "'", value == null ? call.position() : value.position(), problem);
  }

  /** The option as text (strings, numbers and bare words all count), or {@code fallback} when absent. */
  String text(String option, String fallback) {
    Expression value = options.get(option);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Expression.Text t) {
      return t.value();
    }
    if (value instanceof Expression.Number n) {
      return n.text();
    }
    if (value instanceof Expression.Word w) {
      return w.name();
    }
    throw optionError(option, "must be a string or number, got " + value.render());
  }

  String required(String option) {
    String value = text(option, null);
    if (value == null) {
      throw error("option '" + option + "'", call.position(), "is required");
    }
    return value;
  }

  String choice(String option, String fallback, Set<String> allowed) {
    String value = text(option, fallback);
    if (!allowed.contains(value)) {
      throw optionError(option, "must be one of " + new java.util.TreeSet<>(allowed) + ", got \"" + value + "\"");
    }
    return value;
  }

  long integer(String option, long fallback, long min, long max) {
    String value = text(option, null);
    if (value == null) {
      return fallback;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw optionError(option, "must be a whole number, got \"" + value + "\"");
    }
    if (parsed < min || parsed > max) {
      throw optionError(option, "must be between " + min + " and " + max + ", got " + parsed);
    }
    return parsed;
  }

  /** A decimal number, or a simple fraction such as {@code "1/1024"} when {@code fractions} is set. */
  double number(String option, boolean fractions) {
    String value = required(option);
    Matcher m = FRACTION.matcher(value);
    if (fractions && m.matches()) {
      double denominator = Double.parseDouble(m.group(2));
      if (denominator == 0) {
        throw optionError(option, "has a zero denominator: \"" + value + "\"");
      }
      return Double.parseDouble(m.group(1)) / denominator;
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw optionError(option, "must be a number" + (fractions ? " or a fraction like \"1/1024\"" : "")
        + ", got \"" + value + "\"");
  }

  boolean bool(String option, boolean fallback) {
    String value = text(option, String.valueOf(fallback));
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw optionError(option, "must be \"true\" or \"false\", got \"" + value + "\"");
    };
  }
}
