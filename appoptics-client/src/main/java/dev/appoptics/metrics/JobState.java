package dev.appoptics.metrics;

/** Where a background {@link Job} is: waiting, running, or finished one of three ways. */
public enum JobState {
  /** Accepted, not started yet. */
  QUEUED("queued"),
  /** Running; {@link Job#progress()} may say how far it got. */
  WORKING("working"),
  /** Finished successfully. */
  COMPLETE("complete"),
  /** Finished with errors ({@link Job#errors()}). */
  FAILED("failed"),
  /** Stopped before it finished. */
  CANCELED("canceled");

  private final String wireName;

  JobState(String wireName) {
    this.wireName = wireName;
  }

  /** The name the API uses. */
  public String wireName() {
    return wireName;
  }

  /** Whether the job will not change any more: complete, failed or canceled. */
  public boolean isFinished() {
    return this == COMPLETE || this == FAILED || this == CANCELED;
  }

  static JobState fromWire(String name) {
    // The Librato-era reference spells it "cancelled".
    String wire = name.equalsIgnoreCase("cancelled") ? "canceled" : name;
    return ResourceJson.wireEnum(values(), JobState::wireName, "job state", wire);
  }
}
