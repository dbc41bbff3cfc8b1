-- Read-only copies of budget lines another node keeps (at central: a federated province's own lines), written only
-- by FundingService.replicate from the node's federation link: source_node/source_id name the line there, its code
-- here is "<node>/<code>" (each node's codes are its own), source_as_of when it was last current there. NULL for
-- this node's own lines.
ALTER TABLE tp_fund_line ADD COLUMN source_node VARCHAR(64);
ALTER TABLE tp_fund_line ADD COLUMN source_id BIGINT;
ALTER TABLE tp_fund_line ADD COLUMN source_as_of TIMESTAMP;
ALTER TABLE tp_fund_line ADD CONSTRAINT tp_fund_line_source UNIQUE (source_node, source_id);
