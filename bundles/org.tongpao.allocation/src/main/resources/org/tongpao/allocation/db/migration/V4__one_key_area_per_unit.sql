-- One declaration per key area: a province declared whole ('P:42') or an org unit's subtree ('U:17').
-- Declarations made twice before this constraint existed are merged: the earliest one stays (its label
-- and id), the later copies go. The needs' key-area flags do not change (the same units stay covered).
-- The column stays nullable (Derby and PostgreSQL spell SET NOT NULL differently); every insert fills it.
ALTER TABLE tp_alloc_key_area ADD COLUMN area_key VARCHAR(40);
UPDATE tp_alloc_key_area SET area_key = CASE WHEN org_unit_id IS NULL THEN 'P:' || province_code
    ELSE 'U:' || TRIM(CAST(org_unit_id AS CHAR(20))) END;
DELETE FROM tp_alloc_key_area WHERE id NOT IN (SELECT MIN(k.id) FROM tp_alloc_key_area k GROUP BY k.area_key);
ALTER TABLE tp_alloc_key_area ADD CONSTRAINT tp_alloc_key_area_uk UNIQUE (area_key);
