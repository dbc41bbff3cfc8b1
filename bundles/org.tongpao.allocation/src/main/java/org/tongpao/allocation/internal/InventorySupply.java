package org.tongpao.allocation.internal;

import java.util.Collection;
import java.util.Map;
import org.tongpao.allocation.internal.plan.SupplyView;
import org.tongpao.core.Caller;
import org.tongpao.inventory.InventoryService;

/**
 * {@link SupplyView} over {@link InventoryService#available}, asked as the planning caller; the whole
 * depots × items grid in one bulk read.
 */
final class InventorySupply implements SupplyView {
    private final InventoryService inventory;
    private final Caller caller;

    InventorySupply(InventoryService inventory, Caller caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    @Override
    public long available(long depotId, long itemId) {
        return inventory.available(caller, depotId, itemId);
    }

    @Override
    public Map<Long, Map<Long, Long>> available(Collection<Long> depotIds, Collection<Long> itemIds) {
        return inventory.available(caller, depotIds, itemIds);
    }
}
