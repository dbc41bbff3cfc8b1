-- Reservations made at a province reach central (inventory 1.11): a replica lot keeps the origin's reserved quantity
-- (in its balance row, like any lot's), and here the origin's sequence of the change it last took it from, so that an
-- older one applied late (a parked message retried) never puts an older quantity back. Portable SQL: Derby 10.14 and
-- PostgreSQL.
ALTER TABLE tp_inv_replica_lot ADD COLUMN reserved_seq BIGINT;
