-- Needs replicated from provincial nodes (federation): source names the need on the node that raised it,
-- <node>/<id there> (e.g. province:42/17), one row per source; null for a need raised here.
ALTER TABLE tp_alloc_need ADD COLUMN source VARCHAR(80);
ALTER TABLE tp_alloc_need ADD CONSTRAINT tp_alloc_need_source_uk UNIQUE (source);
