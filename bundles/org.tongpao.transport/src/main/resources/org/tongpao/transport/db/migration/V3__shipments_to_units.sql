-- A shipment may go to an org unit that has no depot (a front-line station): then to_depot_id and to_depot_code
-- are null and the unit's id and code are copied here (to_province is the unit's). Exactly one destination.
ALTER TABLE tp_tr_shipment ALTER COLUMN to_depot_id DROP NOT NULL;
ALTER TABLE tp_tr_shipment ALTER COLUMN to_depot_code DROP NOT NULL;
ALTER TABLE tp_tr_shipment ADD COLUMN to_org_unit_id BIGINT;
ALTER TABLE tp_tr_shipment ADD COLUMN to_org_unit_code VARCHAR(32);
ALTER TABLE tp_tr_shipment ADD CONSTRAINT tp_tr_shipment_one_destination CHECK
    ((to_depot_id IS NULL AND to_org_unit_id IS NOT NULL) OR (to_depot_id IS NOT NULL AND to_org_unit_id IS NULL));
