-- A plan's per-need outcomes and lines are written once, in the transaction that inserts the plan, and
-- never changed or deleted; their primary keys (plan_id first) serve every read. The foreign keys added
-- a referential check and a second index to each of the 10,000-odd rows a national plan stores (about
-- 40 % of storing it), and guarded nothing the one insert path does not.
ALTER TABLE tp_alloc_plan_need DROP CONSTRAINT tp_alloc_plan_need_fk;
ALTER TABLE tp_alloc_plan_line DROP CONSTRAINT tp_alloc_plan_line_fk;

-- Outcomes are stored and read in rank order: keyed by rank, each insert appends to the index instead of
-- landing at a random need id, and the read needs no sort.
ALTER TABLE tp_alloc_plan_need DROP CONSTRAINT tp_alloc_plan_need_pk;
ALTER TABLE tp_alloc_plan_need ADD CONSTRAINT tp_alloc_plan_need_pk PRIMARY KEY (plan_id, rank_no);
