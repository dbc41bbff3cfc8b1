-- The census answered by provincial installs (federation): a census opened on this node to replicate another
-- node's names it (source, e.g. central/17; one census per source), and an answer recorded from another node
-- names that node and when it arrived here; its submitted_at stays the time it was submitted there.
ALTER TABLE tp_inv_census ADD COLUMN source VARCHAR(80);
ALTER TABLE tp_inv_census ADD CONSTRAINT tp_inv_census_source_uk UNIQUE (source);
ALTER TABLE tp_inv_census_submission ADD COLUMN source_node VARCHAR(40);
ALTER TABLE tp_inv_census_submission ADD COLUMN received_at TIMESTAMP;
