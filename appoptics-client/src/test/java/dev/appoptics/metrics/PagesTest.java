package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.metrics.RecordingServer.Reply;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lazy pagination against a scripted list of 12 metrics. */
class PagesTest {
  private static final Pattern OFFSET = Pattern.compile("offset=(\\d+)");
  private static final Pattern LENGTH = Pattern.compile("length=(\\d+)");
  @RegisterExtension static final RecordingServer server = RecordingServer.start();
  private AppOptics api;

  @BeforeAll
  static void scriptTwelveMetrics() {
    server.respond(r -> {
      String q = r.rawQuery() == null ? "" : r.rawQuery();
      Matcher o = OFFSET.matcher(q);
      Matcher l = LENGTH.matcher(q);
      int offset = o.find() ? Integer.parseInt(o.group(1)) : 0;
      int length = l.find() ? Integer.parseInt(l.group(1)) : 100;
      List<Integer> page = IntStream.range(offset, Math.min(12, offset + length)).boxed().toList();
      String items = page.stream()
          .map(i -> "{\"name\":\"m" + i + "\",\"type\":\"gauge\",\"period\":null,\"attributes\":{}}")
          .collect(Collectors.joining(","));
      return Reply.json(200, "{\"query\":{\"found\":12,\"length\":" + page.size() + ",\"offset\":" + offset
          + ",\"total\":20},\"metrics\":[" + items + "]}");
    });
  }

  @BeforeEach
  void reset() {
    api = AppOptics.builder().token("t").baseUri(server.baseUri()).build();
  }

  @Test
  void walksEveryPage() {
    List<String> names = api.listAllMetrics(ListOptions.builder().length(5).build()).map(Metric::name).toList();
    assertThat(names).hasSize(12).startsWith("m0").endsWith("m11");
    assertThat(server.requests).hasSize(3);
    assertThat(server.requests.get(2).rawQuery()).contains("offset=10");
  }

  @Test
  void fetchesOnlyWhatIsConsumed() {
    assertThat(api.listAllMetrics(ListOptions.builder().length(5).build()).limit(3).count()).isEqualTo(3);
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void onePageWithItsQueryBlock() {
    Page<Metric> page = api.listMetrics(ListOptions.builder().offset(10).length(5).build());
    assertThat(page.items()).extracting(Metric::name).containsExactly("m10", "m11");
    assertThat(page.offset()).isEqualTo(10);
    assertThat(page.length()).isEqualTo(2);
    assertThat(page.found()).isEqualTo(12);
    assertThat(page.total()).isEqualTo(20);
    assertThat(page.hasMore()).isFalse();
  }
}
