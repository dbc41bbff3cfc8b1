package org.tongpao.procurement;

/** Which orders to list; null fields match everything. {@code province} narrows within the caller's scope. */
public record OrderFilter(OrderStatus status, Long supplierId, String province) {
    public static final OrderFilter ALL = new OrderFilter(null, null, null);
}
