package dev.appoptics.emulator.internal;

import dev.appoptics.emulator.internal.alerting.AlertingModule;
import dev.appoptics.emulator.internal.console.ConsoleModule;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.measure.CompositeQueries;
import dev.appoptics.emulator.internal.measure.MeasurementsModule;
import dev.appoptics.emulator.internal.measure.MetricsModule;
import dev.appoptics.emulator.internal.ops.MetricsEndpoint;
import dev.appoptics.emulator.internal.ops.SnapshotsEndpoint;
import dev.appoptics.emulator.internal.resources.alerts.AlertsModule;
import dev.appoptics.emulator.internal.resources.annotations.AnnotationsModule;
import dev.appoptics.emulator.internal.resources.jobs.JobsModule;
import dev.appoptics.emulator.internal.resources.services.ServicesModule;
import dev.appoptics.emulator.internal.resources.snapshots.SnapshotsModule;
import dev.appoptics.emulator.internal.resources.spaces.SpacesModule;
import dev.appoptics.emulator.internal.resources.tokens.ApiTokensModule;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that assembles the emulator's API areas. Each area is an {@link ApiModule}; routes are matched in
 * the order modules are listed here (first match wins). To add an area, add one line below. The health checks are
 * the front's own ({@code HttpFront}): they answer before these modules exist.
 */
public final class EmulatorModules {
  private EmulatorModules() {}

  public static List<ApiModule> create(EmulatorSettings settings, EmulatorState state) {
    CompositeQueries composites = new dev.appoptics.emulator.internal.compose.ComposeQueries(state);

    List<ApiModule> modules = new ArrayList<>();
    modules.add(new MeasurementsModule(settings, state, composites));
    modules.add(new MetricsModule(state, composites));
    // Resource areas (annotations, spaces and charts, alerts, services, api tokens, jobs): one line each. Each loads
    // its records from the resource store and writes its changes there.
    ResourceStore resources = state.resources();
    ServicesModule services = new ServicesModule(settings.services(), resources);
    modules.add(services);
    AlertsModule alerts = new AlertsModule(services, resources);
    // Listed before the alert resource, whose /v1/alerts/{id} would otherwise take /v1/alerts/status.
    modules.add(new AlertingModule(settings, state, alerts, services, composites));
    modules.add(alerts);
    SpacesModule spaces = new SpacesModule(settings.uniqueSpaceNames(), resources);
    modules.add(spaces);
    modules.add(new AnnotationsModule(settings.annotationEventsAsList(), resources));
    modules.add(new ApiTokensModule(resources));
    JobsModule jobs = new JobsModule(settings.clock(), settings.jobDuration(), resources);
    modules.add(jobs);
    modules.add(new SnapshotsModule(spaces, jobs, resources));
    // Public routes outside /v1/ (see Router.addPublic): no token, rate limit or faults.
    modules.add(new MetricsEndpoint(state));
    modules.add(new ConsoleModule());
    // Admin routes outside /v1/ (see Router.addAdmin): an admin token only.
    modules.add(new SnapshotsEndpoint(state.storage()));
    return modules;
  }

  /** The module of type {@code type} among {@code modules}; every emulator has exactly one of each. */
  public static <T extends ApiModule> T find(List<ApiModule> modules, Class<T> type) {
    for (ApiModule m : modules) {
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
    throw new IllegalStateException("no " + type.getSimpleName() + " among the emulator's modules");
  }
}
