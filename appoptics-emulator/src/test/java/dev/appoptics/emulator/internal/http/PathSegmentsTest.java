package dev.appoptics.emulator.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathSegmentsTest {
  @Test
  void segmentsArePercentDecodedAsUtf8WithPlusKeptAndOneTrailingSlashIgnored() {
    assertThat(PathSegments.decode("/v1/metrics/a%2Fb+c%C3%A9/")).containsExactly("", "v1", "metrics", "a/b+cé");
    assertThat(PathSegments.decode("/")).containsExactly("", "");
  }

  @Test
  void malformedEscapesAndNonUtf8BytesAre400NamingTheSegment() {
    assertThatThrownBy(() -> PathSegments.decode("/v1/metrics/%zz"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("%zz").hasMessageContaining("percent-encoding");
    assertThatThrownBy(() -> PathSegments.decode("/v1/metrics/ab%4")).hasMessageContaining("ab%4");
    assertThatThrownBy(() -> PathSegments.decode("/v1/metrics/%ff")).hasMessageContaining("UTF-8");
  }
}
