-- Designations cross nodes (issue 14 with issue 11): a cross-node transfer's line keeps its source lot's
-- designation, the org unit by code (never a node's id), so the receiver's new lot inherits it at receipt.
-- Numbered 9, leaving 8 to the stock summaries written at the same time. Portable SQL: Derby 10.14 and PostgreSQL.
ALTER TABLE tp_inv_xnode_line ADD COLUMN designation_kind VARCHAR(16);
ALTER TABLE tp_inv_xnode_line ADD COLUMN designation_province VARCHAR(8);
ALTER TABLE tp_inv_xnode_line ADD COLUMN designation_unit_code VARCHAR(64);
ALTER TABLE tp_inv_xnode_line ADD COLUMN designation_label VARCHAR(200);
