package dev.appoptics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appoptics.metrics.AppOptics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * How many benchmark measurements the emulator has stored: the sum of {@code summary_function=count} over every
 * series and minute of the benchmark's metrics in the last hour, read over the public query API (minutes, not
 * seconds: a small answer, so that counting between repetitions does not load the client's JIT compiler and heap).
 */
final class EmulatorCount {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private final URI base;

  EmulatorCount(AppOptics api) {
    this.base = api.baseUri();
  }

  long accepted() throws IOException, InterruptedException {
    long total = 0;
    for (int i = 0; i < Workload.NAMES; i++) {
      HttpRequest request = HttpRequest.newBuilder(base.resolve("measurements/" + Workload.name(i)
              + "?duration=3600&resolution=60&summary_function=count"))
          .header("Authorization", Workload.authorization()).GET().build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 404) {
        continue; // nothing stored yet for this metric
      }
      if (response.statusCode() != 200) {
        throw new IOException("count query answered " + response.statusCode() + ": " + new String(response.body()));
      }
      for (JsonNode series : mapper.readTree(response.body()).path("series")) {
        for (JsonNode point : series.path("measurements")) {
          total += point.path("value").asLong();
        }
      }
    }
    return total;
  }
}
