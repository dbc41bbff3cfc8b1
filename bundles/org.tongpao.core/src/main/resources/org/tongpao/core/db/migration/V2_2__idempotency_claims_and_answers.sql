-- An Idempotency-Key is now claimed in a transaction of its own (state CLAIMED, owned by one attempt for a
-- lease) before the write runs, and settled in the write's transaction (DONE, with the result reference) or,
-- when the write is refused with a client error, afterwards (FAILED, with that error). Rows written before
-- were all settled writes. The first HTTP answer is kept with the key so a repeat gets exactly that answer:
-- status, content type and Location here, the body in chunks of at most 32,000 characters (Derby's VARCHAR
-- holds 32,672).
ALTER TABLE tp_idempotency ADD COLUMN state VARCHAR(16) DEFAULT 'DONE' NOT NULL;
ALTER TABLE tp_idempotency ADD COLUMN owner_token VARCHAR(64);
ALTER TABLE tp_idempotency ADD COLUMN lease_until TIMESTAMP;
ALTER TABLE tp_idempotency ADD COLUMN failure_kind VARCHAR(16);
ALTER TABLE tp_idempotency ADD COLUMN failure_field VARCHAR(128);
ALTER TABLE tp_idempotency ADD COLUMN failure_detail VARCHAR(2000);
ALTER TABLE tp_idempotency ADD COLUMN answer_status INTEGER;
ALTER TABLE tp_idempotency ADD COLUMN answer_type VARCHAR(128);
ALTER TABLE tp_idempotency ADD COLUMN answer_location VARCHAR(2000);

CREATE TABLE tp_idempotency_answer (
    actor    VARCHAR(128)   NOT NULL,
    idem_key VARCHAR(128)   NOT NULL,
    chunk_no INTEGER        NOT NULL,
    body     VARCHAR(32000) NOT NULL,
    CONSTRAINT tp_idempotency_answer_pk PRIMARY KEY (actor, idem_key, chunk_no)
);
