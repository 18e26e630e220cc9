package dev.appoptics.metrics;

import dev.appoptics.composite.Composite;
import dev.appoptics.composite.CompositeEvaluationException;
import dev.appoptics.composite.CompositeSyntaxException;
import java.time.Instant;

/**
 * Composite queries and persisted composites. Every expression is checked locally first, so a typo costs no
 * request and the error names the position.
 */
final class Composites {
  private final AppOptics connection;

  Composites(AppOptics connection) {
    this.connection = connection;
  }

  CompositeResult get(String expression, MeasurementQuery window) {
    String text = check("compose", expression);
    Check.notNull("query", window);
    refuseFilters(window);
    Query query = Query.create().add("compose", text);
    if (window.startTime().isPresent()) {
      query.add("start_time", window.startTime()).add("end_time", window.endTime())
          .add("duration", window.endTime().isPresent() ? java.util.OptionalLong.empty() : window.duration());
    } else {
      // The service wants start_time for composites; derive it from the duration.
      long end = window.endTime().orElse(Instant.now().getEpochSecond());
      query.add("start_time", end - window.duration().orElseThrow()).add("end_time", window.endTime());
    }
    query.add("resolution", window.resolution());
    return CompositeResult.fromJson(connection.rest().get(Rest.path("measurements"), query), text,
        window.resolution());
  }

  Metric create(Metric composite) {
    Check.notNull("metric", composite);
    if (!Metric.COMPOSITE.equals(composite.type()) || composite.composite().isEmpty()) {
      throw new InvalidInputException("composite", composite.composite().orElse(null),
          "a composite metric needs its expression (Metric.builder(name).composite(expression))");
    }
    check("composite", composite.composite().get());
    return connection.createMetric(composite);
  }

  /** The expression's text after a local syntax and usage check. */
  static String check(String field, String expression) {
    Check.notNull(field, expression);
    try {
      Composite.compile(expression);
      return expression;
    } catch (CompositeSyntaxException e) {
      throw new InvalidInputException(field, expression, e.summary());
    } catch (CompositeEvaluationException e) {
      throw new InvalidInputException(field, expression, e.getMessage());
    }
  }

  private static void refuseFilters(MeasurementQuery window) {
    String where = "composite queries take tag filters and grouping inside the expression";
    if (!window.tags().isEmpty()) {
      throw new InvalidInputException("tags", window.tags(), where);
    }
    if (window.tagsSearch().isPresent()) {
      throw new InvalidInputException("tags_search", window.tagsSearch().get(), where);
    }
    if (window.groupBy().isPresent()) {
      throw new InvalidInputException("group_by", window.groupBy().get(), where);
    }
    if (window.summaryFunction().isPresent()) {
      throw new InvalidInputException("summary_function", window.summaryFunction().get(),
          "composite queries choose the summary with s(..., {function: ...})");
    }
  }
}
