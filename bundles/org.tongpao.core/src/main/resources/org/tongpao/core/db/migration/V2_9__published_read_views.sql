-- Core's tables behind a contract: version 1 of the read-only views other bundles may query (inventory's
-- joins and look-ups go through them, never through the tables). Views, not copies: Derby and PostgreSQL
-- expand a simple view into the query that names it, so a join through one costs what the table join cost.
-- The contract is the view names and their columns (pinned by CoreReadViewsTest); the bundle advertises it
-- as Provide-Capability tongpao.schema=core;version=1.0.0. A change that only adds views or columns is 1.x;
-- removing or changing a column means new tp_core_v2_* views next to these, kept until no bundle needs v1.
CREATE VIEW tp_core_v1_org_unit AS
    SELECT id, code, name, unit_level, parent_id, province_code, active FROM tp_org_unit;

CREATE VIEW tp_core_v1_category AS
    SELECT code, name_zh, name_en, sort_order FROM tp_category;

CREATE VIEW tp_core_v1_item AS
    SELECT id, code, category_code, name, unit, shelf_life_months, active FROM tp_item;

CREATE VIEW tp_core_v1_depot AS
    SELECT id, code, name, org_unit_id, province_code, active FROM tp_depot;
