package dev.appoptics.metrics;

import dev.appoptics.metrics.internal.transport.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps an error status to the matching exception type. */
final class StatusErrors {
  private StatusErrors() {}

  static ApiException toException(String method, String path, HttpResponse response, List<String> errors) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    int status = response.status();
    switch (status) {
      case 400:
        return new BadRequestException(method, path, errors, body);
      case 401:
        return new UnauthorizedException(method, path, errors, body);
      case 403:
        return new ForbiddenException(method, path, errors, body);
      case 404:
        return new NotFoundException(method, path, errors, body);
      case 409:
        return new ConflictException(method, path, errors, body);
      case 422:
        return new UnprocessableEntityException(method, path, errors, body);
      case 429:
        return new RateLimitedException(
            method, path, errors, body, retryAfter(response), rateLimitHeaders(response));
      default:
        return status >= 500 && status < 600
            ? new ServerErrorException(status, method, path, errors, body)
            : new ApiException(status, method, path, errors, body);
    }
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpResponse response) {
    String value = response.header("Retry-After").orElse(null);
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  private static Map<String, String> rateLimitHeaders(HttpResponse response) {
    Map<String, String> out = new TreeMap<>();
    response
        .headers()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(java.util.Locale.ROOT);
              if (lower.contains("ratelimit") && !values.isEmpty()) {
                out.put(lower, String.join(",", values));
              }
            });
    return out;
  }
}
