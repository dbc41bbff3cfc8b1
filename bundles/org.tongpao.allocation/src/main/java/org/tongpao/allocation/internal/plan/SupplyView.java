package org.tongpao.allocation.internal.plan;

/**
 * The planner's port to stock: what a depot can give for an item now. The inventory adapter implements
 * it; tests use a map. Kept small so planning never depends on the inventory's query API.
 */
@FunctionalInterface
public interface SupplyView {

    long available(long depotId, long itemId);
}
