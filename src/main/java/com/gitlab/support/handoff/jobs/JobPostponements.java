package com.gitlab.support.handoff.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Since when each job has been postponed without spending a retry, per reason, in
 * {@code job_postponement}: what lets {@link RateLimitedJobs} and {@link ParkedSystemJobs} stop after
 * their configured time, on every node and across restarts. Written inside the failed-job command's
 * transaction (the engine's, which JdbcTemplate joins), so a row exists exactly when the job's
 * postponement was committed. Times are the engine clock, like the jobs' due dates.
 */
@Component
public class JobPostponements {

  private static final Logger LOG = LoggerFactory.getLogger(JobPostponements.class);
  /** A row younger than this may belong to a failure whose transaction has not committed yet. */
  static final Duration MIN_AGE = Duration.ofHours(1);

  /** Why a job was postponed; each reason has its own allowance. */
  public enum Reason { RATE_LIMIT, OUTAGE }

  /** The job's postponements for one reason: the first, and how many there were, this one included. */
  public record Postponed(Instant firstAt, int count) {}

  private final JdbcTemplate jdbc;

  public JobPostponements(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Counts one more postponement of the job at {@code now} and says since when it has been postponed.
   * A job runs on one node at a time (its lock), so no two failures of it race here.
   */
  public Postponed count(String jobId, Reason reason, Instant now) {
    List<Postponed> earlier = jdbc.query(
        "SELECT first_at, postponements FROM job_postponement WHERE job_id = ? AND reason = ?",
        (rs, i) -> new Postponed(rs.getTimestamp(1).toInstant(), rs.getInt(2)), jobId, reason.name());
    if (earlier.isEmpty()) {
      jdbc.update("INSERT INTO job_postponement (job_id, reason, first_at, last_at, postponements) VALUES (?, ?, ?, ?, 1)",
          jobId, reason.name(), Timestamp.from(now), Timestamp.from(now));
      return new Postponed(now, 1);
    }
    jdbc.update("UPDATE job_postponement SET last_at = ?, postponements = postponements + 1 WHERE job_id = ? AND reason = ?",
        Timestamp.from(now), jobId, reason.name());
    return new Postponed(earlier.get(0).firstAt(), earlier.get(0).count() + 1);
  }

  /** Since when the job has been postponed for that reason, if it has; counts nothing. */
  public Optional<Postponed> find(String jobId, Reason reason) {
    return jdbc.query("SELECT first_at, postponements FROM job_postponement WHERE job_id = ? AND reason = ?",
        (rs, i) -> new Postponed(rs.getTimestamp(1).toInstant(), rs.getInt(2)), jobId, reason.name())
        .stream().findFirst();
  }

  /** Once an hour on every node (the deletes do not clash): rows of jobs that no longer exist. */
  @Scheduled(initialDelayString = "PT15M", fixedDelayString = "PT1H")
  public void hourly() {
    int removed = removeFinished(ClockUtil.getCurrentTime().toInstant().minus(MIN_AGE));
    if (removed > 0) {
      LOG.info("Removed {} postponement records of jobs that are done", removed);
    }
  }

  /** Removes the rows last written before {@code before} whose job is gone (done, or its instance ended). */
  public int removeFinished(Instant before) {
    return jdbc.update("DELETE FROM job_postponement WHERE last_at < ? AND NOT EXISTS "
        + "(SELECT 1 FROM ACT_RU_JOB j WHERE j.ID_ = job_postponement.job_id)", Timestamp.from(before));
  }
}
