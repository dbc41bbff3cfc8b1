package org.tongpao.inventory.internal.rest;

import org.tongpao.inventory.internal.InventoryComponent;

/** Wires a resource to the component as Declarative Services would, for tests in another package. */
public final class InventoryApiAccess {
    private InventoryApiAccess() {
    }

    public static <T extends InventoryApi> T wire(T resource, InventoryComponent component) {
        resource.inventory = component;
        resource.ledger = component;
        resource.census = component;
        return resource;
    }
}
