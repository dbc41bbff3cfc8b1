-- A plan's per-need outcomes (rank, reason, requested, planned, why short) are written once and only ever
-- read whole, with their plan. A national plan has one per open need (10,000 and more), and storing them
-- as rows was over half of proposing it; they are now kept as JSON arrays in chunks of at most 32,000
-- characters, in order. Plans stored before this keep their rows in tp_alloc_plan_need, which is still read.
CREATE TABLE tp_alloc_plan_outcomes (
    plan_id  BIGINT         NOT NULL,
    chunk_no INTEGER        NOT NULL,
    body     VARCHAR(32000) NOT NULL,
    CONSTRAINT tp_alloc_plan_outcomes_pk PRIMARY KEY (plan_id, chunk_no)
);
