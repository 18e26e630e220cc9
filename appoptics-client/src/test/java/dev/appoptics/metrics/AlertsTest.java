package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.ServiceSeed;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertsTest {
  @RegisterExtension
  static final ConnectedEmulator EMULATOR =
      ConnectedEmulator.create(
          b ->
              b.service(new ServiceSeed("slack", "ops", Map.of("url", "https://hooks.example.com/ops")))
                  .service(new ServiceSeed("mail", "on call", Map.of("addresses", "oncall@example.com")))
                  .service(new ServiceSeed("webhook", "pager", Map.of("url", "https://pager.example.com"))));

  private final AppOptics api = EMULATOR.connect();

  private List<Service> services() {
    try (Stream<Service> services = api.listServices()) {
      return services.toList();
    }
  }

  @Test
  void listsTheConfiguredServices() {
    assertThat(services())
        .extracting(Service::type, Service::title)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("slack", "ops"),
            org.assertj.core.groups.Tuple.tuple("mail", "on call"),
            org.assertj.core.groups.Tuple.tuple("webhook", "pager"));
    Service slack = services().stream().filter(s -> s.type().equals("slack")).findFirst().orElseThrow();
    assertThat(slack.settings()).containsEntry("url", "https://hooks.example.com/ops");
  }

  @Test
  void servicesArePaged() {
    try (Stream<Service> services = api.listServices(ListOptions.builder().length(1).build())) {
      assertThat(services.map(Service::id).distinct().count()).isEqualTo(3);
    }
  }

  @Test
  void createReturnsTheAlertAsStoredWithConditionsAndServices() {
    List<Service> services = services();
    Alert sent =
        Alert.builder("production.cpu_high")
            .description("CPU is high")
            .addConditionFor("cpu").above(90).duration(60).tag("environment", "production")
            .addConditionFor("requests").below(1, "sum").tag(ConditionTag.of("region", "eu-*").grouped())
            .addConditionFor("heartbeat").stopsReportingFor(300)
            .and()
            .addService(services.get(0))
            .addService(services.get(1).id())
            .runbookUrl("https://runbooks.example.com/cpu")
            .attribute("team", "platform")
            .attribute("priority", 1)
            .attribute("weight", 0.5)
            .attribute("paging", true)
            .rearmSeconds(1200)
            .rearmPerSignal(true)
            .active(false)
            .build();

    Alert created = api.createAlert(sent);

    assertThat(created.id()).isPresent();
    assertSameAsSent(created, sent);
    assertThat(created.services()).containsExactly(services.get(0), services.get(1));
    assertThat(created.version()).hasValue(2);
    assertThat(created.createdAt()).isPresent();
    assertThat(api.getAlert(created.id().getAsLong())).contains(created);
  }

  @Test
  void updateReplacesConditionsServicesAndAttributes() {
    List<Service> services = services();
    Alert created =
        api.createAlert(
            Alert.builder("disk.full")
                .addConditionFor("disk").above(95).and()
                .addService(services.get(0))
                .attribute("team", "storage")
                .build());
    Alert changed =
        created.toBuilder()
            .clearConditions()
            .addConditionFor("disk").above(99, "max").duration(120)
            .and()
            .clearServices()
            .addService(services.get(2))
            .description("disk really full")
            .build();

    Alert updated = api.updateAlert(changed);

    assertSameAsSent(updated, changed);
    assertThat(updated.attributes()).containsOnlyKeys("team");
    assertThat(updated.services()).containsExactly(services.get(2));
    assertThat(api.getAlert("disk.full")).contains(updated);
  }

  @Test
  void getAlertByNameMatchesTheWholeName() {
    Alert cpu = api.createAlert(Alert.builder("cpu").addConditionFor("cpu").above(1).and().build());
    api.createAlert(Alert.builder("cpu.high").addConditionFor("cpu").above(2).and().build());

    assertThat(api.getAlert("cpu")).contains(cpu);
    assertThat(api.getAlert("CPU")).contains(cpu);
    assertThat(api.getAlert("cp")).isEmpty();
    assertThat(api.getAlert(999999L)).isEmpty();
  }

  @Test
  void listsAllAlertsPageByPageAndFiltersByName() {
    IntStream.range(0, 5).forEach(i -> api.createAlert(Alert.builder("web.alert" + i).active(i % 2 == 0).build()));
    api.createAlert(Alert.builder("db.alert").build());

    try (Stream<Alert> all = api.listAlerts(ListOptions.builder().length(2).build())) {
      assertThat(all.map(Alert::name)).hasSize(6).contains("db.alert", "web.alert4");
    }
    try (Stream<Alert> web = api.listAlerts(ListOptions.named("WEB"))) {
      assertThat(web.filter(Alert::isActive).map(Alert::name))
          .containsExactlyInAnyOrder("web.alert0", "web.alert2", "web.alert4");
    }
  }

  @Test
  void deletesByIdAndByName() {
    Alert a = api.createAlert(Alert.builder("a.alert").build());
    api.createAlert(Alert.builder("b.alert").build());

    api.deleteAlert(a.id().getAsLong());
    assertThat(api.deleteAlert("b.alert")).isTrue();
    assertThat(api.deleteAlert("b.alert")).isFalse();

    assertThat(api.getAlert("a.alert")).isEmpty();
    assertThatThrownBy(() -> api.deleteAlert(a.id().getAsLong())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDuplicateNameIsRefusedByTheService() {
    api.createAlert(Alert.builder("dup").build());

    assertThatThrownBy(() -> api.createAlert(Alert.builder("dup").build()))
        .isInstanceOf(UnprocessableEntityException.class);
  }

  @Test
  void anUnknownServiceIsRefusedByTheService() {
    assertThatThrownBy(() -> api.createAlert(Alert.builder("lonely").addService(4242).build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errorMessage()).contains("services"));
  }

  @Test
  void updatingAnAlertThatWasNeverCreatedIsRefused() {
    assertThatThrownBy(() -> api.updateAlert(Alert.builder("new").build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
  }

  @Test
  void certainlyInvalidAlertsFailBeforeSending() {
    assertThatThrownBy(() -> Alert.builder("cpu high!").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("name");
          assertThat(e.value()).isEqualTo("\"cpu high!\"");
        });
    assertThatThrownBy(() -> Alert.builder("a").addConditionFor("cpu").above(1).duration(59))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("conditions.duration"));
    assertThatThrownBy(() -> Alert.builder("a").addConditionFor("cpu").stopsReportingFor(3601))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> Alert.builder("a").addConditionFor("cpu").above(1).and().addConditionFor("mem").duration(60).and().build())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("conditions[1].type"));
    assertThatThrownBy(
            () -> Alert.builder("a").addConditionFor("cpu").type(ConditionType.BELOW).and().build())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("conditions[0].threshold"));
    assertThatThrownBy(() -> Alert.builder("a").rearmSeconds(90))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rearm_seconds"));
    assertThatThrownBy(() -> Alert.builder("a").addConditionFor("cpu").above(1, "median"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("conditions.summary_function"));
  }

  @Test
  void conditionsChainAndReturnToTheAlert() {
    Alert.Builder builder = Alert.builder("chained");
    builder.addConditionFor("cpu").above(90).duration(60);
    builder.addConditionFor("mem").below(1, "sum");

    Alert alert = builder.build();

    assertThat(alert.conditions()).hasSize(2);
    Condition cpu = alert.conditions().get(0);
    assertThat(cpu.type()).isEqualTo(ConditionType.ABOVE);
    assertThat(cpu.threshold()).hasValue(90);
    assertThat(cpu.duration()).hasValue(60);
    assertThat(cpu.isImmediate()).isFalse();
    assertThat(alert.conditions().get(1).summaryFunction()).contains("sum");
    assertThat(alert.conditions().get(1).isImmediate()).isTrue();
    assertThatThrownBy(() -> Condition.forMetric("x").above(1).and()).isInstanceOf(IllegalStateException.class);
  }

  /** Compares what was sent with what came back, field by field, leaving out what the service assigns. */
  static void assertSameAsSent(Alert back, Alert sent) {
    assertThat(back.name()).isEqualTo(sent.name());
    assertThat(back.description()).isEqualTo(sent.description());
    assertThat(back.serviceIds()).isEqualTo(sent.serviceIds());
    assertThat(back.attributes()).isEqualTo(sent.attributes());
    assertThat(back.isActive()).isEqualTo(sent.isActive());
    if (sent.rearmSeconds().isPresent()) {
      assertThat(back.rearmSeconds()).isEqualTo(sent.rearmSeconds());
    }
    if (sent.rearmPerSignal().isPresent()) {
      assertThat(back.rearmPerSignal()).isEqualTo(sent.rearmPerSignal());
    }
    assertThat(back.conditions()).hasSameSizeAs(sent.conditions());
    for (int i = 0; i < sent.conditions().size(); i++) {
      Condition s = sent.conditions().get(i);
      Condition b = back.conditions().get(i);
      assertThat(b.id()).isPresent();
      assertThat(b.type()).isEqualTo(s.type());
      assertThat(b.metricName()).isEqualTo(s.metricName());
      assertThat(b.threshold()).isEqualTo(s.threshold());
      assertThat(b.duration()).isEqualTo(s.duration());
      assertThat(b.tags()).isEqualTo(s.tags());
      assertThat(b.detectReset()).isEqualTo(s.detectReset());
      if (s.type() != ConditionType.ABSENT) {
        assertThat(b.summaryFunction()).isEqualTo(s.summaryFunction());
      }
    }
  }
}
