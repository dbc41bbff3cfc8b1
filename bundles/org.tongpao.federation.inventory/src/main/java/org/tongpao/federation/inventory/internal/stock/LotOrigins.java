package org.tongpao.federation.inventory.internal.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * Which of this node's lots continue a lot of another node (a rebuild hands central's lots of a province's
 * depots to the province under new local ids and keeps their origin key). A service of this bundle that the
 * rebuild registers; {@link StockForwarder} adds the key to the lots it sends, so central's replica adopts its
 * own lot, stock and all, instead of starting an empty one. Without it no lot has an origin elsewhere.
 */
public interface LotOrigins {

    /** A lot of node {@code node}, by that node's id. */
    record Origin(String node, long lotId) {
    }

    /** The origins of those of {@code lotIds} that have one, read on {@code c} (the write's transaction). */
    Map<Long, Origin> of(Connection c, Collection<Long> lotIds) throws SQLException;
}
