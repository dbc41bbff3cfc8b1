package org.tongpao.core.persistence;

import javax.sql.DataSource;

/** The value behind {@link SchemaReady#of}. */
record ReadySchema(String schema, DataSource dataSource) implements SchemaReady {
}
