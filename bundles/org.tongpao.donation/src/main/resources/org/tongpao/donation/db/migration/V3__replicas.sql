-- Read-only copies of donations another node keeps (at central: a federated province's), written only by
-- DonationService.replicate from the node's federation link. source_node/source_id name the record on its node;
-- NULL for this node's own records. A copy's number and acknowledgement numbers are prefixed "<node>/" (each
-- node numbers from 1), it has no donor code (the public look-up never finds a copy), its receipt
-- lines keep the node's lot id in source_lot_id (lot_id stays NULL: the lot is not in this node's ledger).
ALTER TABLE tp_don_donor ADD COLUMN source_node VARCHAR(64);
ALTER TABLE tp_don_donor ADD COLUMN source_id BIGINT;
ALTER TABLE tp_don_donor ADD CONSTRAINT tp_don_donor_source UNIQUE (source_node, source_id);
ALTER TABLE tp_don_donation ADD COLUMN source_node VARCHAR(64);
ALTER TABLE tp_don_donation ADD COLUMN source_id BIGINT;
ALTER TABLE tp_don_donation ADD COLUMN source_as_of TIMESTAMP;
ALTER TABLE tp_don_donation ADD CONSTRAINT tp_don_donation_source UNIQUE (source_node, source_id);
ALTER TABLE tp_don_receipt_line ADD COLUMN source_lot_id BIGINT;
