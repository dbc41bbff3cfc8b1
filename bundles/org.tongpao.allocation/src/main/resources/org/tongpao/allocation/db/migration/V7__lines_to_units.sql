-- Plan and batch lines may deliver to an org unit that has no depot (a front-line station): then to_depot_id is
-- null and to_org_unit_id names the unit. A need asks for it with deliver_to_unit.
ALTER TABLE tp_alloc_need ADD COLUMN deliver_to_unit BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tp_alloc_plan_line ALTER COLUMN to_depot_id DROP NOT NULL;
ALTER TABLE tp_alloc_plan_line ADD COLUMN to_org_unit_id BIGINT;
ALTER TABLE tp_alloc_batch_line ALTER COLUMN to_depot_id DROP NOT NULL;
ALTER TABLE tp_alloc_batch_line ADD COLUMN to_org_unit_id BIGINT;
ALTER TABLE tp_alloc_batch_line ADD CONSTRAINT tp_alloc_batch_line_one_destination CHECK
    ((to_depot_id IS NULL AND to_org_unit_id IS NOT NULL) OR (to_depot_id IS NOT NULL AND to_org_unit_id IS NULL));
