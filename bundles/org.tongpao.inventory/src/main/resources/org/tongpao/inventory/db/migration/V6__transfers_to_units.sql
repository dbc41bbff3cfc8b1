-- A transfer may go to an org unit that has no depot (a front-line station): then to_depot_id is null and
-- the delivery at the unit issues the goods to it from the sending depot's ledger. Exactly one destination.
ALTER TABLE tp_inv_transfer ALTER COLUMN to_depot_id DROP NOT NULL;
ALTER TABLE tp_inv_transfer ADD COLUMN to_org_unit_id BIGINT;
ALTER TABLE tp_inv_transfer ADD CONSTRAINT tp_inv_transfer_unit_fk FOREIGN KEY (to_org_unit_id) REFERENCES tp_org_unit (id);
ALTER TABLE tp_inv_transfer ADD CONSTRAINT tp_inv_transfer_one_destination CHECK
    ((to_depot_id IS NULL AND to_org_unit_id IS NOT NULL) OR (to_depot_id IS NOT NULL AND to_org_unit_id IS NULL));
-- the national report's "delivered to the front line" sums issues per receiving unit
CREATE INDEX tp_inv_movement_unit_ix ON tp_inv_movement (org_unit_id, item_id);
