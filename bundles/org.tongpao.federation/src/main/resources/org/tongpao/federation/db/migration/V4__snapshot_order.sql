-- The newest master-data snapshot applied on this node, per record (SnapshotOrder): an older one — a parked copy
-- retried after a newer one applied, an old copy redelivered once the inbox forgot its id — changes nothing.
-- seq is the number of the sending node's message id (its outbox id: one record's changes at central commit in
-- that order, since each holds the record's row lock while it queues its message).
CREATE TABLE tp_fed_snapshot (
    type       VARCHAR(100) NOT NULL,
    record_key VARCHAR(200) NOT NULL,
    seq        BIGINT       NOT NULL,
    message_id VARCHAR(80)  NOT NULL,
    CONSTRAINT tp_fed_snapshot_pk PRIMARY KEY (type, record_key)
);
