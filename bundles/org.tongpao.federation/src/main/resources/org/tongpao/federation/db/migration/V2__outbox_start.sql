-- Facts about this database's federation, by name. 'outbox-start' records where the outbox ids of this database
-- began (see OutboxStart): a node rebuilt on a new database must never reuse a message id its peers already hold.
CREATE TABLE tp_fed_state (
    name  VARCHAR(40)  NOT NULL PRIMARY KEY,
    value VARCHAR(200) NOT NULL
);
