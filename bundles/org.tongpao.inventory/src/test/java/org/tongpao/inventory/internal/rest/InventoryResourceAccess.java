package org.tongpao.inventory.internal.rest;

import org.tongpao.inventory.internal.InventoryComponent;

/** Builds the resource over the component for tests in another package. */
public final class InventoryResourceAccess {
    private InventoryResourceAccess() {
    }

    public static InventoryResource create(InventoryComponent component) {
        return new InventoryResource(component, component, component);
    }
}
