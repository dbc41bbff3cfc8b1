-- GET /audit and tongpao:audit read the trail newest first, filtered by entity (+ id), actor, request id
-- or a time range. (entity, entity_id) and actor have indexes since V1; these cover the other filters.
CREATE INDEX tp_audit_request_ix ON tp_audit (request_id);
CREATE INDEX tp_audit_time_ix ON tp_audit (occurred_at);
