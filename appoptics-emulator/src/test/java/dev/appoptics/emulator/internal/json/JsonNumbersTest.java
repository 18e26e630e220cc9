package dev.appoptics.emulator.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {
  private static final JsonFactory JACKSON = new JsonFactory();

  private static final String[] EDGES = {
    "0", "-0", "0.0", "-0.0", "0e5", "-0e-5", "0.000", "1", "-1", "0.1", "0.2", "0.3", "-0.1", "1.5", "1e22", "1e23",
    "1E-22", "1e-23", "1e37", "1e38", "12e30", "123456789e25", "9007199254740991e22", "9007199254740992",
    "9007199254740993", "-9007199254740993", "9007199254740993.0", "9007199254740992.5", "4503599627370497.5",
    "123456789012345678", "1234567890123456789", "12345678901234567890", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "-9223372036854775809", "2147483647", "2147483648", "-2147483648", "-2147483649",
    "123456789012345678901234567890", "0.1234567890123456789", "1.00000000000000011102230246251565404236316680908203125",
    "3.141592653589793", "2.718281828459045235360287", "1.7976931348623157e308", "1.7976931348623159e308", "1.8e308",
    "1e309", "4.9e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-400", "2.2250738585072014E-308",
    "2.2250738585072011e-308", "1e999999", "-1e999999", "1e-999999", "0.000001", "123.456e-2", "5e-1", "1E+2",
    "100000000000000000000000", "999999999999999.9", "9999999999999999", "99999999999999999", "0.30000000000000004"
  };

  private static JsonCursor at(String number) {
    JsonCursor p = new JsonCursor(("[" + number + "]").getBytes(StandardCharsets.US_ASCII));
    p.nextToken();
    p.nextToken();
    return p;
  }

  private static JsonParser jackson(String number) throws IOException {
    JsonParser p = JACKSON.createParser(number);
    p.nextToken();
    return p;
  }

  private static void assertSameAsJackson(String number) throws IOException {
    JsonCursor p = at(number);
    try (JsonParser j = jackson(number)) {
      assertThat(p.getText()).isEqualTo(number);
      assertThat(p.currentToken()).as(number).isEqualTo(j.currentToken());
      double expected = j.currentToken() == JsonToken.VALUE_NUMBER_FLOAT ? Double.parseDouble(number) : j.getDoubleValue();
      assertThat(Double.doubleToRawLongBits(p.getDoubleValue())).as(number).isEqualTo(Double.doubleToRawLongBits(expected));
      assertThat(j.getDoubleValue()).as(number).isEqualTo(expected);
      Number n = p.getNumberValue();
      assertThat(n).as(number).isEqualTo(j.getNumberValue()).hasSameClassAs(j.getNumberValue());
    }
  }

  @Test
  void edgeCasesAreExactlyWhatJacksonAndParseDoubleGive() throws IOException {
    for (String number : EDGES) {
      assertSameAsJackson(number);
    }
    assertThat(Double.doubleToRawLongBits(at("-0.0").getDoubleValue())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Double.doubleToRawLongBits(at("-0").getDoubleValue())).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(at("1e999999").getDoubleValue()).isInfinite();
  }

  @Test
  void randomNumbersAreExactlyWhatJacksonAndParseDoubleGive() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      assertSameAsJackson(RandomJson.number(random));
    }
  }

  @Test
  void fastPathBoundariesAreExact() throws IOException {
    Random random = new Random(11);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      // Mantissas around 2^53 and of 15 to 17 digits, exponents around the exact powers of ten.
      long mantissa =
          switch (i % 3) {
            case 0 -> JsonNumbers.MAX_EXACT_MANTISSA - 50 + random.nextInt(100);
            case 1 -> (long) (random.nextDouble() * 1e15);
            default -> Math.abs(random.nextLong()) / 100;
          };
      int exponent = random.nextInt(90) - 45;
      numbers.add(new BigDecimal(mantissa).scaleByPowerOfTen(exponent).toString());
      numbers.add(mantissa + "e" + exponent);
      numbers.add(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)));
    }
    for (String number : numbers) {
      assertSameAsJackson(number);
    }
  }

  @Test
  void fastDoubleDeclinesWhatItCannotDoExactly() {
    assertThat(JsonNumbers.fastDouble(JsonNumbers.MAX_EXACT_MANTISSA + 1, 0, false)).isNaN();
    assertThat(JsonNumbers.fastDouble(1, -23, false)).isNaN();
    assertThat(JsonNumbers.fastDouble(1L << 40, 30, false)).isNaN();
    assertThat(JsonNumbers.fastDouble(3, 30, true)).isEqualTo(-3e30);
    assertThat(JsonNumbers.fastDouble(0, 400, true)).isEqualTo(-0.0);
  }
}
