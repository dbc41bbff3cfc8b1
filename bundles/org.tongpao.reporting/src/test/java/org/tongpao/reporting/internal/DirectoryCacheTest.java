package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.reporting.internal.ReportingFixture.ADMIN;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Item;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewItem;
import org.tongpao.reporting.StockReport;

/** The master data the reports keep between requests: read once, dropped on core's events or the TTL, never stale ids. */
class DirectoryCacheTest {
    private ReportingFixture f;

    @BeforeEach
    void setUp() {
        f = new ReportingFixture();
        f.receive("HB-WH-01", "MASK-KN95", 100);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static String name(StockReport r, String itemCode) {
        return r.byItem().stream().filter(i -> i.itemCode().equals(itemCode)).findFirst().orElseThrow().itemName();
    }

    @Test
    void reportsAfterTheFirstReadNoMasterDataAndGiveTheSameAnswer() {
        StockReport first = f.reports.stock(ADMIN);
        long loads = f.reports.directoryCache().loads();
        StockReport second = f.reports.stock(ADMIN);
        f.reports.cover(ADMIN, null);
        assertThat(f.reports.directoryCache().loads()).isEqualTo(loads);
        assertThat(second.byItem()).isEqualTo(first.byItem());
        assertThat(second.byCategory()).isEqualTo(first.byCategory());
    }

    @Test
    void aNewItemIsReportedAtOnceWithoutAnyEvent() {
        f.reports.stock(ADMIN);
        f.core.catalogue.create(ADMIN, new NewItem("MASK-NEW", "MASK", "New mask", null, "piece", null, 36), null);
        f.receive("HB-WH-01", "MASK-NEW", 7);
        StockReport r = f.reports.stock(ADMIN);
        assertThat(r.byItem()).anySatisfy(i -> {
            assertThat(i.itemCode()).isEqualTo("MASK-NEW");
            assertThat(i.onHand()).isEqualTo(7);
        });
    }

    @Test
    void coresChangeEventDropsTheLabels() {
        assertThat(name(f.reports.stock(ADMIN), "MASK-KN95")).isNotEqualTo("Renamed mask");
        rename("Renamed mask");
        // no event yet: the labels kept are still served (a rename, not stock)
        assertThat(name(f.reports.stock(ADMIN), "MASK-KN95")).isNotEqualTo("Renamed mask");
        f.reports.handleEvent(new Event(CoreTopics.ITEM + CoreTopics.UPDATED, Map.of("code", "MASK-KN95")));
        assertThat(name(f.reports.stock(ADMIN), "MASK-KN95")).isEqualTo("Renamed mask");
    }

    @Test
    void theTtlBoundsHowLongLabelsAreKeptWithoutEvents() {
        long[] now = {0};
        DirectoryCache cache = new DirectoryCache(f.core.depots, f.core.catalogue, 1_000, () -> now[0]);
        long kn95 = f.item("MASK-KN95");
        String before = cache.get().items().get(kn95).name();
        rename("Renamed mask");
        now[0] = TimeUnit.MILLISECONDS.toNanos(999);
        assertThat(cache.get().items().get(kn95).name()).isEqualTo(before);
        assertThat(cache.loads()).isEqualTo(1);
        now[0] = TimeUnit.MILLISECONDS.toNanos(1_000);
        assertThat(cache.get().items().get(kn95).name()).isEqualTo("Renamed mask");
        assertThat(cache.loads()).isEqualTo(2);
    }

    @Test
    void anInvalidationDuringALoadLeavesTheLoadedSnapshotOutdated() {
        long[] now = {0};
        DirectoryCache[] self = new DirectoryCache[1];
        // the invalidation arrives while the depots are read (the ticker is read just before)
        self[0] = new DirectoryCache(f.core.depots, f.core.catalogue, 60_000, () -> {
            if (self[0] != null && self[0].loads() == 0 && now[0]++ == 0) {
                self[0].invalidate();
            }
            return 0;
        });
        self[0].get();
        self[0].get();
        assertThat(self[0].loads()).isEqualTo(2);
        self[0].get();
        assertThat(self[0].loads()).isEqualTo(2);
    }

    private void rename(String name) {
        Item i = f.core.catalogue.getByCode(ADMIN, "MASK-KN95");
        f.core.catalogue.update(ADMIN, i.id(), new ItemUpdate(i.categoryCode(), name, i.nameZh(), i.unit(),
                i.standard(), i.shelfLifeMonths(), i.version()), null);
    }
}
