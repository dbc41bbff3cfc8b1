package org.tongpao.core.persistence;

import java.sql.SQLException;

/** A database failure that is not the caller's fault (answered as 500, logged with the request id). */
public class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** SQLState of the first {@link SQLException} in the cause chain, or null. */
    public String sqlState() {
        return Sql.sqlState(this);
    }
}
