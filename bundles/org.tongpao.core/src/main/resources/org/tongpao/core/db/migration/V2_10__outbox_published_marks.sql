-- An event is marked published by an INSERT of its id here instead of an UPDATE of its outbox row: on Derby
-- that UPDATE (published_at sat in an index) scanned and waited on other transactions' uncommitted outbox
-- rows, so a write posting its events after commit could wait up to the lock timeout on writes still running.
-- An insert of a new key touches no other transaction's row. Unpublished = an outbox row without a mark here.
CREATE TABLE tp_event_outbox_published (
    id           BIGINT    NOT NULL PRIMARY KEY,
    published_at TIMESTAMP NOT NULL
);
INSERT INTO tp_event_outbox_published (id, published_at)
    SELECT id, published_at FROM tp_event_outbox WHERE published_at IS NOT NULL;
DROP INDEX tp_event_outbox_published_ix;
ALTER TABLE tp_event_outbox DROP COLUMN published_at;
