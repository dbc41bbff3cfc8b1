-- Earliest expiry per province x item (issue 15): stock on hand per province x item x expiry day, kept by the
-- inventory in the same transaction as every movement (Summaries.fold, ExpirySummary), filled here from the
-- balances and lots as they stand. Lots without an expiry date are not in it; a day whose stock is gone is deleted,
-- so a province x item's first row (primary key order) is its earliest expiry. Province '' is the central reserve.
CREATE TABLE tp_inv_expiry_summary (
    province_code VARCHAR(8) NOT NULL,
    item_id       BIGINT     NOT NULL,
    expiry_date   DATE       NOT NULL,
    on_hand       BIGINT     NOT NULL,
    CONSTRAINT tp_inv_expiry_summary_pk PRIMARY KEY (province_code, item_id, expiry_date)
);

INSERT INTO tp_inv_expiry_summary (province_code, item_id, expiry_date, on_hand)
    SELECT COALESCE(d.province_code, ''), b.item_id, l.expiry_date, SUM(b.on_hand)
    FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id JOIN tp_core_v1_depot d ON d.id = b.depot_id
    WHERE l.expiry_date IS NOT NULL AND b.on_hand > 0
    GROUP BY COALESCE(d.province_code, ''), b.item_id, l.expiry_date;

-- "Expiring within N days" reads the days before a date across provinces and items.
CREATE INDEX tp_inv_expiry_summary_day_ix ON tp_inv_expiry_summary (expiry_date);

-- The earliest of them, kept on the province x item row the national reports already read: one read for the nation.
ALTER TABLE tp_inv_stock_summary ADD COLUMN earliest_expiry DATE;
ALTER TABLE tp_inv_stock_summary ADD COLUMN earliest_on_hand BIGINT;

UPDATE tp_inv_stock_summary SET earliest_expiry = (SELECT MIN(e.expiry_date) FROM tp_inv_expiry_summary e
    WHERE e.province_code = tp_inv_stock_summary.province_code AND e.item_id = tp_inv_stock_summary.item_id);

UPDATE tp_inv_stock_summary SET earliest_on_hand = (SELECT e.on_hand FROM tp_inv_expiry_summary e
    WHERE e.province_code = tp_inv_stock_summary.province_code AND e.item_id = tp_inv_stock_summary.item_id
    AND e.expiry_date = tp_inv_stock_summary.earliest_expiry)
    WHERE earliest_expiry IS NOT NULL;
