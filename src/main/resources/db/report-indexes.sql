-- Indexes for the SLA reports (/api/reports) on Camunda's history tables, which Camunda's own schema lacks.
-- Applied after the engine has created or updated its tables, at every start (ReportIndexes); IF NOT EXISTS
-- makes that safe, also for nodes starting together. ${prefix} is the engine's table prefix.

-- An activity's instances by when they started (routed SMB cases, closings, 15-day breaches, waits for Sales).
CREATE INDEX IF NOT EXISTS HANDOFF_IDX_HI_ACT_ID_START ON ${prefix}ACT_HI_ACTINST (ACT_ID_, START_TIME_);
-- An activity's instances still running (handoffs waiting for Sales now).
CREATE INDEX IF NOT EXISTS HANDOFF_IDX_HI_ACT_ID_END ON ${prefix}ACT_HI_ACTINST (ACT_ID_, END_TIME_);
-- A process's instances by when they started (handoffs asked, tickets not passed).
CREATE INDEX IF NOT EXISTS HANDOFF_IDX_HI_PROC_KEY_START ON ${prefix}ACT_HI_PROCINST (PROC_DEF_KEY_, START_TIME_);
-- An activity's instances by when they started, with their instance (first wait and first answer per handoff,
-- handoffs passed to Sales, solved first, at the top of the org chart): the reports read the instance id from
-- the index alone, without a visit to each row.
CREATE INDEX IF NOT EXISTS HANDOFF_IDX_HI_ACT_ID_START_PI ON ${prefix}ACT_HI_ACTINST (ACT_ID_, START_TIME_, PROC_INST_ID_);
