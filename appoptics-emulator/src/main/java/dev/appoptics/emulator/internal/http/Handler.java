package dev.appoptics.emulator.internal.http;

/** Answers one routed request. Throw {@link ApiError} for any answer that is an API error. */
@FunctionalInterface
public interface Handler {
  ApiResponse handle(ApiRequest request);
}
