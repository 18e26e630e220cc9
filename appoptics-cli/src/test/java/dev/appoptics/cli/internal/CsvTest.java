package dev.appoptics.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesOnlyFieldsThatNeedIt() {
    String csv = new Csv(List.of("time", "tags", "value")).row(Arrays.asList(1, "host=a,region=\"eu\"", null)).render();

    assertThat(csv).isEqualTo("time,tags,value\r\n1,\"host=a,region=\"\"eu\"\"\",\r\n");
  }
}
