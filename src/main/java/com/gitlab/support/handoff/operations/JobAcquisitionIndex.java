package com.gitlab.support.handoff.operations;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The index Camunda's own schema lacks for how this application acquires jobs: oldest due first
 * ({@code job-executor-acquire-by-due-date}), every job with a due date
 * ({@code ensure-job-due-date-not-null}, which turns the query's {@code DUEDATE_ <= now} into a range).
 *
 * <p>Without it every acquisition, on every node every few seconds, reads all of ACT_RU_JOB, tests
 * each row's exclusivity and sorts them, although ten thousand escalations waiting for next week are
 * not due; with it the database reads the due jobs in order and stops after one batch.
 * Created once, after the engine has created or updated its tables ({@code IF NOT EXISTS}: nodes
 * starting together do not clash). A database whose indexes a DBA manages turns it off with
 * {@code handoff.cluster.job-acquisition-index=false}.
 */
@Component
@ConditionalOnProperty(prefix = "handoff.cluster", name = "job-acquisition-index", matchIfMissing = true)
public class JobAcquisitionIndex extends IndexesAfterEngineBuild {

  static final String NAME = "HANDOFF_IDX_JOB_DUE";
  @Override
  protected List<String> indexStatements(String tablePrefix) {
    return List.of("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + tablePrefix
        + "ACT_RU_JOB (DUEDATE_ ASC, RETRIES_, SUSPENSION_STATE_)");
  }

  @Override
  protected String withoutTheIndex() {
    return "job acquisition scans ACT_RU_JOB";
  }
}
