package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Aggregation and payload building; nothing here sends a request. */
class AggregatorAndPayloadTest {
  private final AppOptics api = AppOptics.builder().token("t").baseUri("http://127.0.0.1:9/v1/")
      .tags(Map.of("company", "acme")).sanitizer(MetricNames::sanitize).build();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void keepsCountSumMinMaxPerName() {
    Aggregator agg = api.newAggregator();
    agg.add("a", 5);
    agg.add("a", -1);
    Measurement a = agg.addTagged("a", 3);
    agg.add("b", 7);
    assertThat(a.count()).hasValue(3);
    assertThat(a.sum()).hasValue(7);
    assertThat(a.min()).hasValue(-1);
    assertThat(a.max()).hasValue(5);
    assertThat(agg.toPayload()).extracting(Measurement::name).containsExactly("a", "b");
    assertThat(agg.toMdPayload()).isEqualTo(agg.toPayload());
    assertThatThrownBy(() -> agg.add("a", Double.POSITIVE_INFINITY)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void timeIsFlooredToThePeriodAndForgottenOnClear() {
    Aggregator agg = api.newAggregator(AggregatorOptions.builder().period(10).time(1_700_000_007L).build());
    assertThat(agg.floorMeasureTime()).hasValue(1_700_000_000L);
    assertThat(agg.getMeasureTime()).hasValue(1_700_000_000L);
    agg.add("a", 1);
    assertThat(agg.toPayload().get(0).time()).hasValue(1_700_000_000L);
    assertThat(agg.toPayload().get(0).period()).hasValue(10);
    agg.clear();
    assertThat(agg.size()).isZero();
    assertThat(agg.floorMeasureTime().getAsLong() % 10).isZero();
  }

  @Test
  void withoutPeriodTheTimeIsAsGiven() {
    assertThat(api.newAggregator().floorMeasureTime()).isEmpty();
    assertThat(api.newAggregator(AggregatorOptions.builder().time(1_700_000_007L).build()).floorMeasureTime())
        .hasValue(1_700_000_007L);
  }

  @Test
  void aggregatorTagsAreManagedLikeTheConnections() {
    Aggregator agg = api.newAggregator(AggregatorOptions.builder().tags(Map.of("host", "a")).build());
    agg.addTags(Map.of("region", "eu"));
    assertThat(agg.getTags()).isEqualTo(Map.of("host", "a", "region", "eu"));
    agg.setTags(Map.of("x", "y"));
    assertThat(agg.getTags()).isEqualTo(Map.of("x", "y"));
  }

  @Test
  void createTaggedPayloadShowsTheWireForm() {
    Measurement m = api.createTaggedPayload(
        Measurement.builder("disk used").value(1).tag("host", "a").inheritTags(true).build());
    assertThat(m.name()).isEqualTo("disk-used");
    assertThat(m.tags()).isEqualTo(Map.of("company", "acme", "host", "a"));
    assertThat(m.inheritTags()).isFalse();
    assertThat(api.createTaggedPayload(Measurement.builder("x").value(1).build()).tags())
        .isEqualTo(Map.of("company", "acme"));
  }

  @Test
  void measurementNeedsExactlyOneKindOfValue() {
    assertThatThrownBy(() -> Measurement.builder("x").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("value"));
    assertThatThrownBy(() -> Measurement.builder("x").value(1).summary(2, 1).build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Measurement.builder("x").summary(2, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("count"));
    assertThat(Measurement.builder("x").summary(2, 1).build().value()).isEmpty();
  }

  @Test
  void aSummaryCountIsOneTo2pow31Minus1AsTheApiStoresIt() {
    assertThat(Measurement.builder("x").summary(2, Measurement.MAX_COUNT).build().count())
        .hasValue(2_147_483_647L);
    assertThatThrownBy(() -> Measurement.builder("x").summary(2, 2_147_483_648L))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("count");
          assertThat(e.errorMessage()).isEqualTo("count: must be between 1 and 2147483647 (was: 2147483648)");
        });
  }

  @Test
  void connectionTagsCanChange() {
    api.addTags(Map.of("region", "eu"));
    api.setTags(Map.of("only", "this"));
    assertThat(api.getTags()).isEqualTo(Map.of("only", "this"));
    assertThatThrownBy(() -> api.setTags(null)).isInstanceOf(InvalidInputException.class);
  }
}
