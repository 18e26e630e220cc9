package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiTokensTest {
  @RegisterExtension static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final AppOptics api = EMULATOR.connect();

  @Test
  void createdTokensCarryTheirIdSecretAndTimes() {
    ApiToken sent = ApiToken.builder("collectors", TokenRole.RECORDER).active(false).build();

    ApiToken created = api.createApiToken(sent);

    assertThat(created.id()).isPresent();
    assertThat(created.name()).contains("collectors");
    assertThat(created.role()).isEqualTo(TokenRole.RECORDER);
    assertThat(created.isActive()).isFalse();
    assertThat(created.token()).hasValueSatisfying(secret -> assertThat(secret).matches("[0-9a-f]{64}"));
    assertThat(created.createdAt()).hasValueSatisfying(
        t -> assertThat(t).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1)));
    assertThat(api.getApiToken(created.id().getAsLong())).isEqualTo(created);
  }

  @Test
  void updateStoresNameRoleAndActiveAndKeepsTheSecret() {
    ApiToken created = api.createApiToken(ApiToken.builder("ci", TokenRole.ADMIN).build());

    ApiToken updated =
        api.updateApiToken(created.toBuilder().name("ci (read only)").role(TokenRole.VIEWER).active(false).build());

    assertThat(updated.id()).isEqualTo(created.id());
    assertThat(updated.name()).contains("ci (read only)");
    assertThat(updated.role()).isEqualTo(TokenRole.VIEWER);
    assertThat(updated.isActive()).isFalse();
    assertThat(updated.token()).isEqualTo(created.token());
    assertThat(api.getApiToken(created.id().getAsLong())).isEqualTo(updated);
  }

  @Test
  void listFiltersByAWildcardPattern() {
    api.createApiToken(ApiToken.builder("collector eu", TokenRole.RECORDER).build());
    api.createApiToken(ApiToken.builder("collector us", TokenRole.RECORDER).build());
    api.createApiToken(ApiToken.builder("dashboards", TokenRole.VIEWER).build());

    try (Stream<ApiToken> all = api.listApiTokens(ListOptions.builder().length(2).build())) {
      assertThat(all.map(t -> t.name().orElseThrow())).containsExactly("collector eu", "collector us", "dashboards");
    }
    try (Stream<ApiToken> pattern = api.listApiTokens(ListOptions.named("*us"))) {
      assertThat(pattern.map(t -> t.name().orElseThrow())).containsExactly("collector us");
    }
    try (Stream<ApiToken> anywhere = api.listApiTokens(ListOptions.named("collector"))) {
      assertThat(anywhere).hasSize(2);
    }
  }

  @Test
  void deletedTokensAreGone() {
    long id = api.createApiToken(ApiToken.builder("old", TokenRole.VIEWER).build()).id().getAsLong();

    api.deleteApiToken(id);

    assertThatThrownBy(() -> api.getApiToken(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> api.deleteApiToken(id)).isInstanceOf(NotFoundException.class);
    try (Stream<ApiToken> all = api.listApiTokens()) {
      assertThat(all).isEmpty();
    }
  }

  @Test
  void badInputIsRefusedBeforeSending() {
    long before = EMULATOR.emulator().stats().requests();

    assertThatThrownBy(() -> ApiToken.builder(" ", TokenRole.ADMIN))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> ApiToken.builder("t", null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
    assertThatThrownBy(() -> api.updateApiToken(ApiToken.builder("never created", TokenRole.ADMIN).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThat(EMULATOR.emulator().stats().requests()).isEqualTo(before);
  }

  @Test
  void toStringHidesTheSecret() {
    ApiToken created = api.createApiToken(ApiToken.builder("secret holder", TokenRole.ADMIN).build());

    assertThat(created.toString()).contains("secret holder").doesNotContain(created.token().orElseThrow());
  }
}
