package dev.appoptics.emulator.internal.resources;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The API as the tests call it: one request, one {@link Reply}. */
interface Api {
  Reply call(String method, String pathAndQuery, String contentType, String body);

  /** Forgets every stored resource (services go back to their seeds). */
  void reset();

  default Reply get(String path) {
    return call("GET", path, null, null);
  }

  default Reply delete(String path) {
    return call("DELETE", path, null, null);
  }

  default Reply post(String path, Object body) {
    return call("POST", path, "application/json", json(body));
  }

  default Reply put(String path, Object body) {
    return call("PUT", path, "application/json", json(body));
  }

  /** A body given as a JSON string is sent as is; anything else is written by Jackson. */
  private static String json(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
