-- Replicas of depots whose ledger another node keeps (federation: central's read-only copies of a federated
-- province's depots). Portable SQL: Derby 10.14 and PostgreSQL. The replica's lots, postings and movements are
-- ordinary rows of tp_inv_lot, tp_inv_posting and tp_inv_movement; these tables say where they came from.

-- Which local lot is which lot of the origin node.
CREATE TABLE tp_inv_replica_lot (
    origin_node   VARCHAR(64) NOT NULL,
    remote_lot_id BIGINT      NOT NULL,
    lot_id        BIGINT      NOT NULL,
    CONSTRAINT tp_inv_replica_lot_pk PRIMARY KEY (origin_node, remote_lot_id),
    CONSTRAINT tp_inv_replica_lot_uk UNIQUE (lot_id),
    CONSTRAINT tp_inv_replica_lot_lot_fk FOREIGN KEY (lot_id) REFERENCES tp_inv_lot (id)
);

-- The origin node's postings (each part) already applied: a repeat changes nothing.
CREATE TABLE tp_inv_replica_posting (
    origin_node       VARCHAR(64) NOT NULL,
    remote_posting_id BIGINT      NOT NULL,
    part_no           INTEGER     NOT NULL,
    posting_id        BIGINT      NOT NULL,
    applied_at        TIMESTAMP   NOT NULL,
    CONSTRAINT tp_inv_replica_posting_pk PRIMARY KEY (origin_node, remote_posting_id, part_no),
    CONSTRAINT tp_inv_replica_posting_fk FOREIGN KEY (posting_id) REFERENCES tp_inv_posting (id)
);

-- How recent each replicated depot is: when the latest posting applied to it was made on its node.
CREATE TABLE tp_inv_replica_depot (
    depot_id         BIGINT      NOT NULL PRIMARY KEY,
    origin_node      VARCHAR(64) NOT NULL,
    last_occurred_at TIMESTAMP   NOT NULL,
    last_applied_at  TIMESTAMP   NOT NULL,
    CONSTRAINT tp_inv_replica_depot_fk FOREIGN KEY (depot_id) REFERENCES tp_depot (id)
);

-- Movement lists are ordered by when a movement happened (a replica's late postings are back-dated).
CREATE INDEX tp_inv_movement_depot_time_ix ON tp_inv_movement (depot_id, occurred_at, id);
