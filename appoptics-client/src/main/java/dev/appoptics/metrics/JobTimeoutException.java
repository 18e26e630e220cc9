package dev.appoptics.metrics;

import java.time.Duration;
import java.util.List;

/**
 * A job that {@link AppOptics#waitForJob} waited for had not finished when the wait ended: the timeout passed, or the
 * waiting thread was interrupted (then its interrupt flag is set again and the cause is the
 * {@link InterruptedException}). The job may still finish; {@link #job()} holds its last state.
 */
public class JobTimeoutException extends AppOpticsException {
  private static final long serialVersionUID = 1L;

  private final transient Job job;

  JobTimeoutException(String path, Job job, Duration waited, InterruptedException interrupted) {
    super(0, "GET", path, List.of("job " + job.id() + " still " + job.state().wireName() + " after waiting "
        + waited.toMillis() + " ms" + (interrupted == null ? "" : " (interrupted)")), "", interrupted);
    this.job = job;
  }

  /** The job as last read. */
  public Job job() {
    return job;
  }
}
