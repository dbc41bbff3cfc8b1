package org.tongpao.reporting.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;

/**
 * The master data the reports label rows with (depots, catalogue items, org units' provinces), kept between
 * requests: reading them took two paged lists per report request, more than the figures themselves. Only labels are
 * kept here, never stock. A snapshot is dropped when core announces a change of an org unit, item or depot
 * ({@link #invalidate}, from the EventAdmin events core posts after commit) and at the latest after {@code ttlNanos}
 * (a change that reached the tables without an event); an id not in the snapshot makes {@link Directory} reload once,
 * so a new item or depot is never left out of a report.
 */
final class DirectoryCache {
    /** Depots and items by id, and org units' provinces as they are looked up. */
    record Snapshot(Map<Long, Depot> depots, Map<Long, Item> items, List<Item> itemList,
            Map<Long, Optional<String>> unitProvinces) {
    }

    private record Entry(Snapshot snapshot, long generation, long loadedAt) {
    }

    private final DepotService depotService;
    private final CatalogueService catalogue;
    private final long ttlNanos;
    private final LongSupplier ticker;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Entry> current = new AtomicReference<>();
    private final AtomicLong loads = new AtomicLong();

    DirectoryCache(DepotService depotService, CatalogueService catalogue, long ttlMillis, LongSupplier ticker) {
        this.depotService = depotService;
        this.catalogue = catalogue;
        this.ttlNanos = TimeUnit.MILLISECONDS.toNanos(ttlMillis);
        this.ticker = ticker;
    }

    /** The current snapshot, loaded if there is none, it was invalidated or it is older than the TTL. */
    Snapshot get() {
        Entry e = current.get();
        if (e != null && e.generation() == generation.get() && ticker.getAsLong() - e.loadedAt() < ttlNanos) {
            return e.snapshot();
        }
        return reload();
    }

    /**
     * Loads a fresh snapshot. The generation is taken before reading, so an invalidation that arrives while the
     * lists are read leaves the new entry already outdated and the next {@link #get} reads again.
     */
    Snapshot reload() {
        long gen = generation.get();
        long started = ticker.getAsLong();
        Caller system = Caller.system("reporting-directory");
        Map<Long, Depot> depots = new HashMap<>();
        for (Depot d : AllPages.read((limit, cursor) -> depotService.list(system, new DepotFilter(null, null, null,
                null), limit, cursor))) {
            depots.put(d.id(), d);
        }
        Map<Long, Item> items = new HashMap<>();
        for (Item i : AllPages.read((limit, cursor) -> catalogue.list(system, new ItemFilter(null, null, null), limit,
                cursor))) {
            items.put(i.id(), i);
        }
        Snapshot s = new Snapshot(Map.copyOf(depots), Map.copyOf(items), List.copyOf(items.values()),
                new ConcurrentHashMap<>());
        loads.incrementAndGet();
        current.set(new Entry(s, gen, started));
        return s;
    }

    /** Core changed an org unit, item or depot: the next request reads the master data again. */
    void invalidate() {
        generation.incrementAndGet();
    }

    /** How many times the lists were read (for tests). */
    long loads() {
        return loads.get();
    }
}
