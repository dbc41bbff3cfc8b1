package org.tongpao.core.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells core whether a depot is still in use, so {@code DepotService.deactivate} can refuse (409) to
 * deactivate a depot that holds stock or expects goods. A bundle that keeps depot-bound state (the
 * inventory: stock on hand, reserved, in transit to the depot) registers one as an OSGi service;
 * core consults every registered one before it deactivates.
 *
 * <p>The check runs inside the deactivation's own transaction, on its connection, after the depot row
 * has been updated (and so locked): a write that reads the depot as active afterwards waits for the
 * deactivation to commit or roll back. Implementations only read; they must not commit, roll back or
 * close the connection.
 */
@ConsumerType
public interface DepotUsage {

    /**
     * Why the depot cannot be deactivated now, in one sentence for the caller (e.g. {@code "holds 120 on
     * hand and 20 reserved"}), or empty when nothing of this bundle uses it.
     */
    Optional<String> inUse(Connection connection, long depotId) throws SQLException;
}
