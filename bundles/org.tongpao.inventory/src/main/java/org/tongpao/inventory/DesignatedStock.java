package org.tongpao.inventory;

/**
 * The designated part of what a depot can give for an item ({@link InventoryService#available}): available stock
 * of lots under one designation. What {@code available} reports less the sum of these rows is undesignated.
 *
 * @since 1.6
 */
public record DesignatedStock(long depotId, long itemId, Designation designation, long available) {
}
