-- The next moment the SLA watch must look at a shipment: the earliest warning or deadline of a promise still
-- owed and not yet flagged at that level; null when nothing is owed. Kept on every change of the row, so the
-- watch reads only the rows due by now through the index, not every open shipment.
ALTER TABLE tp_tr_shipment ADD COLUMN next_deadline TIMESTAMP;
CREATE INDEX tp_tr_shipment_next_deadline ON tp_tr_shipment (next_deadline);
-- rows booked before this column: due at once, so the first scan evaluates them and sets their real next moment
UPDATE tp_tr_shipment SET next_deadline = booked_at WHERE booked_at IS NOT NULL
    AND status IN ('BOOKED','ACCEPTED','DISPATCHED','PICKED_UP','IN_TRANSIT','AT_CHECKPOINT','EXCEPTION');
-- tracking parked for an unknown waybill is kept until a booking claims it (no expiry); listed per carrier
CREATE INDEX tp_tr_parked_carrier ON tp_tr_parked_event (carrier_id, id);
