-- Read-only copies of purchase orders another node keeps (at central: a federated province's), written only by
-- ProcurementService.replicate from the node's federation link. source_node/source_id name the order there; the
-- copy's number is "<node>/<number there>", its budget line is not this node's (budget_line_id NULL; the line's
-- own copy is funding's), source_as_of when it was last current there. NULL for this node's own orders. A
-- supplier a province registered itself and central does not know is copied with source_node set.
ALTER TABLE tp_proc_order ADD COLUMN source_node VARCHAR(64);
ALTER TABLE tp_proc_order ADD COLUMN source_id BIGINT;
ALTER TABLE tp_proc_order ADD COLUMN source_as_of TIMESTAMP;
ALTER TABLE tp_proc_order ADD CONSTRAINT tp_proc_order_source UNIQUE (source_node, source_id);
ALTER TABLE tp_proc_supplier ADD COLUMN source_node VARCHAR(64);
