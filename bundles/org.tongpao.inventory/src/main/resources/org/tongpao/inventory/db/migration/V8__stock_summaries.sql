-- Summaries the national reports read instead of every balance and movement (issue 15). Kept by the inventory in
-- the same transaction as every movement (Summaries.fold); filled here from the balances and the ledger as they
-- stand. Province '' is the ministry's own depots (the central reserve). Portable SQL: Derby 10.14 and PostgreSQL.
CREATE TABLE tp_inv_stock_summary (
    province_code VARCHAR(8) NOT NULL,
    item_id       BIGINT     NOT NULL,
    on_hand       BIGINT     NOT NULL,
    reserved      BIGINT     NOT NULL,
    lots          BIGINT     NOT NULL,
    CONSTRAINT tp_inv_stock_summary_pk PRIMARY KEY (province_code, item_id)
);

INSERT INTO tp_inv_stock_summary (province_code, item_id, on_hand, reserved, lots)
    SELECT COALESCE(d.province_code, ''), b.item_id, SUM(b.on_hand), SUM(b.reserved),
           SUM(CASE WHEN b.on_hand > 0 THEN 1 ELSE 0 END)
    FROM tp_inv_balance b JOIN tp_core_v1_depot d ON d.id = b.depot_id
    GROUP BY COALESCE(d.province_code, ''), b.item_id;

-- One row per UTC day (occurred_at is stored as UTC) x province x item x movement type: signed sum and count.
CREATE TABLE tp_inv_daily_movement (
    movement_day  DATE        NOT NULL,
    province_code VARCHAR(8)  NOT NULL,
    item_id       BIGINT      NOT NULL,
    movement_type VARCHAR(16) NOT NULL,
    quantity      BIGINT      NOT NULL,
    movements     BIGINT      NOT NULL,
    CONSTRAINT tp_inv_daily_movement_pk PRIMARY KEY (movement_day, province_code, item_id, movement_type)
);

INSERT INTO tp_inv_daily_movement (movement_day, province_code, item_id, movement_type, quantity, movements)
    SELECT CAST(m.occurred_at AS DATE), COALESCE(d.province_code, ''), m.item_id, m.movement_type,
           SUM(m.quantity), COUNT(*)
    FROM tp_inv_movement m JOIN tp_core_v1_depot d ON d.id = m.depot_id
    GROUP BY CAST(m.occurred_at AS DATE), COALESCE(d.province_code, ''), m.item_id, m.movement_type;

-- Available stock = summary less the free stock of lots that cannot be issued: found by status and by expiry.
CREATE INDEX tp_inv_lot_status_ix ON tp_inv_lot (lot_status);
CREATE INDEX tp_inv_lot_expiry_ix ON tp_inv_lot (expiry_date);

-- What was issued to front-line units (level STATION) per the unit's province x item (ProvinceStock.deliveredToFrontLine).
CREATE TABLE tp_inv_front_line (
    province_code VARCHAR(8) NOT NULL,
    item_id       BIGINT     NOT NULL,
    issued        BIGINT     NOT NULL,
    CONSTRAINT tp_inv_front_line_pk PRIMARY KEY (province_code, item_id)
);

INSERT INTO tp_inv_front_line (province_code, item_id, issued)
    SELECT COALESCE(u.province_code, ''), m.item_id, -SUM(m.quantity)
    FROM tp_inv_movement m JOIN tp_core_v1_org_unit u ON u.id = m.org_unit_id
    WHERE m.movement_type = 'ISSUE' AND u.unit_level = 'STATION'
    GROUP BY COALESCE(u.province_code, ''), m.item_id;
