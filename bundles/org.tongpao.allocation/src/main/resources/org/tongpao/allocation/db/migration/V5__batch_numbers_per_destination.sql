-- Batches are numbered per destination province and year as well as nationally: "Batch 4 to Hubei" is the
-- year's fourth batch to Hubei, 2026-011 its national reference. Both numbers come from counter rows
-- (scope '*' for the nation, the province code for a destination) incremented in the approving transaction,
-- so concurrent approvals wait on the row instead of racing on MAX()+1: no gap, no duplicate.
ALTER TABLE tp_alloc_batch ADD COLUMN destination_seq INTEGER;

CREATE TABLE tp_alloc_batch_counter (
    scope      VARCHAR(2) NOT NULL,
    batch_year INTEGER    NOT NULL,
    last_seq   INTEGER    NOT NULL,
    CONSTRAINT tp_alloc_batch_counter_pk PRIMARY KEY (scope, batch_year)
);

-- batches numbered before: their rank among the same year's batches to the same province
UPDATE tp_alloc_batch SET destination_seq = (SELECT COUNT(*) FROM tp_alloc_batch o
    WHERE o.province_code = tp_alloc_batch.province_code AND o.batch_year = tp_alloc_batch.batch_year
    AND o.seq_no IS NOT NULL AND o.seq_no <= tp_alloc_batch.seq_no)
    WHERE seq_no IS NOT NULL AND province_code IS NOT NULL;

INSERT INTO tp_alloc_batch_counter (scope, batch_year, last_seq)
    SELECT '*', batch_year, MAX(seq_no) FROM tp_alloc_batch WHERE seq_no IS NOT NULL GROUP BY batch_year;
INSERT INTO tp_alloc_batch_counter (scope, batch_year, last_seq)
    SELECT province_code, batch_year, MAX(destination_seq) FROM tp_alloc_batch
    WHERE destination_seq IS NOT NULL GROUP BY province_code, batch_year;
