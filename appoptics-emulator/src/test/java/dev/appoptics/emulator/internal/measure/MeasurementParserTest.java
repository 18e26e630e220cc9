package dev.appoptics.emulator.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementParserTest {
  @Test
  void measurementAttributesArriveWithThoseTypes() {
    MeasurementParser parser = new MeasurementParser(1_700_000_000L, 3600, 600, false);
    List<ParsedMeasurement> out =
        parser.parse(
            ("{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1,"
                    + "\"attributes\":{\"display_max\":10,\"units\":\"ms\",\"ratio\":0.5,\"nested\":{\"x\":[true]}}}]}")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(out.get(0).attributes)
        .containsExactly(
            Map.entry("display_max", 10), Map.entry("units", "ms"), Map.entry("ratio", 0.5),
            Map.entry("nested", Map.of("x", List.of(true))));
  }

  @Test
  void syntaxErrorsAndTrailingContentKeepTheirMessages() {
    MeasurementParser parser = new MeasurementParser(1_700_000_000L, 3600, 600, false);

    assertThatThrownBy(() -> parser.parse("{\"measurements\":[1,]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining(
            "Unable to parse request body as JSON: Unexpected character (']' (code 93)): expected a value (at byte 19)");
    assertThatThrownBy(() -> parser.parse("{\"measurements\":[]} {}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining("Unexpected content after the JSON object");
    assertThatThrownBy(() -> parser.parse("{\"measurements\":[]} x".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining("Unable to parse request body as JSON: Unrecognized token 'x'");
  }
}
