-- A return: goods handed over to a carrier that come back because the carrier cancelled or returned them
-- (cause CARRIER: the SLA clock keeps running against it) or because the ministry recalled them (cause MINISTRY:
-- the clock stops). Outcome null while they are on their way back; RETURNED once the sending depot took them
-- back into stock, REBOOKED once another shipment (rebooked_as) carries them on.
CREATE TABLE tp_tr_return (
    shipment_id        BIGINT        NOT NULL PRIMARY KEY REFERENCES tp_tr_shipment (id),
    cause              VARCHAR(10)   NOT NULL,
    reason             VARCHAR(500),
    started_at         TIMESTAMP     NOT NULL,
    started_by         VARCHAR(128)  NOT NULL,
    outcome            VARCHAR(10),
    closed_at          TIMESTAMP,
    closed_by          VARCHAR(128),
    note               VARCHAR(500),
    rebooked_as        BIGINT,
    CONSTRAINT tp_tr_return_cause CHECK (cause IN ('CARRIER', 'MINISTRY'))
);
-- copied on the shipment so every read evaluates the SLA without a join
ALTER TABLE tp_tr_shipment ADD COLUMN return_cause VARCHAR(10);
