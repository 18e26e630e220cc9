package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A job that {@link AppOptics#waitForJob} waited for finished without completing: it {@link JobState#FAILED failed}
 * or was {@link JobState#CANCELED canceled}. {@link #job()} holds its last state; {@link #errors()} starts with the
 * state and lists the job's errors.
 */
public class JobFailedException extends AppOpticsException {
  private static final long serialVersionUID = 1L;

  private final transient Job job;

  JobFailedException(String path, Job job) {
    super(0, "GET", path, reasons(job), "", null);
    this.job = job;
  }

  private static List<String> reasons(Job job) {
    List<String> reasons = new ArrayList<>();
    reasons.add("job " + job.id() + " " + job.state().wireName());
    reasons.addAll(job.errors());
    return reasons;
  }

  /** The job as last read. */
  public Job job() {
    return job;
  }
}
