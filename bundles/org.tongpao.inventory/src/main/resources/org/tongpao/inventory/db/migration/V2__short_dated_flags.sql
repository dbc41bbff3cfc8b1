-- Lots already announced as short-dated (on arrival or by the daily scan), so each is announced once,
-- across restarts. Portable SQL: Derby 10.14 and PostgreSQL.
CREATE TABLE tp_inv_short_dated (
    lot_id      BIGINT    NOT NULL PRIMARY KEY,
    expiry_date DATE      NOT NULL,
    flagged_at  TIMESTAMP NOT NULL,
    CONSTRAINT tp_inv_short_dated_lot_fk FOREIGN KEY (lot_id) REFERENCES tp_inv_lot (id)
);
