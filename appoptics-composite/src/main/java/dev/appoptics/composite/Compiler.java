package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a syntax tree into an evaluable {@link Node}, checking along the way everything that can be checked without
 * data: known functions, argument counts and kinds, option names and option values.
 */
final class Compiler {
  private Compiler() {}

  static Node compile(Expression expression) {
    return set(expression, "composite", "expression");
  }

  static Node set(Expression e, String function, String argument) {
    if (e instanceof Expression.Call call) {
      return call(call);
    }
    if (e instanceof Expression.SetOf setOf) {
      List<Node> members = new ArrayList<>();
      for (Expression element : setOf.elements()) {
        members.add(set(element, function, argument));
      }
      return context -> {
        List<Series> all = new ArrayList<>();
        for (Node member : members) {
          all.addAll(member.eval(context));
        }
        return all;
      };
    }
    throw new CompositeEvaluationException(function, argument, e.position(),
        "must be a set of series (a function call or [...]), got " + e.render());
  }

  private static Node call(Expression.Call call) {
    Functions.Spec spec = Functions.ALL.get(call.name());
    if (spec == null) {
      throw new CompositeEvaluationException(call.name(), "", call.position(),
          "is not a known function; known functions are " + Functions.ALL.keySet());
    }
    List<Expression> given = call.arguments();
    if (given.size() < spec.required() || given.size() > spec.params().size()) {
      String count = spec.required() == spec.params().size() ? String.valueOf(spec.required())
          : spec.required() + " to " + spec.params().size();
      throw new CompositeEvaluationException(call.name(), "", call.position(),
          "takes " + count + " argument(s) " + spec.usage() + ", got " + given.size());
    }
    List<Object> values = new ArrayList<>();
    Map<String, Expression> options = Map.of();
    for (int i = 0; i < given.size(); i++) {
      Expression arg = given.get(i);
      String label = "argument " + (i + 1);
      switch (spec.params().get(i)) {
        case SET -> values.add(set(arg, call.name(), label));
        case STRING -> {
          if (!(arg instanceof Expression.Text text)) {
            throw new CompositeEvaluationException(call.name(), label, arg.position(),
                "must be a string, got " + arg.render());
          }
          values.add(text.value());
        }
        case TAGS -> values.add(tags(call, label, arg));
        case OPTIONS -> {
          options = options(call, label, arg, spec);
          values.add(options);
        }
      }
    }
    return spec.builder().apply(new Args(call, values, options));
  }

  private static Map<String, String> tags(Expression.Call call, String label, Expression arg) {
    if (arg instanceof Expression.Text text && (text.value().equals("*") || text.value().equals("%"))) {
      return Map.of();
    }
    if (arg instanceof Expression.MapOf map) {
      Map<String, String> tags = new LinkedHashMap<>();
      for (Map.Entry<String, Expression> e : map.entries().entrySet()) {
        Expression v = e.getValue();
        String value;
        if (v instanceof Expression.Text t) {
          value = t.value();
        } else if (v instanceof Expression.Number n) {
          value = n.text();
        } else if (v instanceof Expression.Word w) {
          value = w.name();
        } else {
          throw new CompositeEvaluationException(call.name(), label + " tag '" + e.getKey() + "'", v.position(),
              "must be a string pattern, got " + v.render());
        }
        tags.put(e.getKey(), value);
      }
      return tags;
    }
    throw new CompositeEvaluationException(call.name(), label, arg.position(),
        "must be a tag map such as {\"host\": \"web*\"}, \"*\" or \"%\", got " + arg.render());
  }

  private static Map<String, Expression> options(Expression.Call call, String label, Expression arg,
      Functions.Spec spec) {
    if (!(arg instanceof Expression.MapOf map)) {
      throw new CompositeEvaluationException(call.name(), label, arg.position(),
          "must be an options map such as {" + String.join(": \"…\", ", spec.options()) + ": \"…\"}, got "
              + arg.render());
    }
    for (Map.Entry<String, Expression> e : map.entries().entrySet()) {
      if (!spec.options().contains(e.getKey())) {
        throw new CompositeEvaluationException(call.name(), "option '" + e.getKey() + "'", e.getValue().position(),
            "is not supported; supported options are " + spec.options());
      }
    }
    return map.entries();
  }
}
