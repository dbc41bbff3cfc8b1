package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.NewIssue;

/** The daily short-dated and expiry scan, on the fixture's movable clock (no sleeping), and its schedule. */
class ShortDatedScanTest {
    private final Fixture f = new Fixture(30);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void eachLotIsAnnouncedShortDatedOnceAndLotsPastExpiryBecomeExpired() {
        long later = f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusDays(60));
        long soon = f.receive(f.hubeiProv, f.kn95, 50, TODAY.plusDays(10));
        // the soon lot was announced on arrival, and remembered
        assertThat(lotIds(InventoryTopics.SHORT_DATED)).containsExactly(soon);
        assertThat(f.inventory.scan()).isEqualTo(new ShortDatedScan.Result(0, 0));
        assertThat(lotIds(InventoryTopics.SHORT_DATED)).containsExactly(soon);

        // 31 days on: the later lot is within 30 days, the soon lot past its expiry date
        f.clock.now = f.clock.now.plus(Duration.ofDays(31));
        assertThat(f.inventory.scan()).isEqualTo(new ShortDatedScan.Result(1, 1));
        assertThat(f.events(InventoryTopics.SHORT_DATED)).last().satisfies(e -> {
            assertThat(e.getProperty("lotId")).isEqualTo(later);
            assertThat(e.getProperty("days")).isEqualTo(29L);
            assertThat(e.getProperty("expiryDate")).isEqualTo(TODAY.plusDays(60).toString());
            assertThat(e.getProperty("depotId")).isEqualTo(f.hubeiProv);
        });
        assertThat(f.inventory.lot(ADMIN, soon).status()).isEqualTo(LotStatus.EXPIRED);
        assertThat(f.inventory.lot(ADMIN, later).status()).isEqualTo(LotStatus.AVAILABLE);
        assertThat(f.events(InventoryTopics.LOT_STATUS)).singleElement().satisfies(e -> {
            assertThat(e.getProperty("lotId")).isEqualTo(soon);
            assertThat(e.getProperty("status")).isEqualTo("EXPIRED");
            assertThat(e.getProperty("previous")).isEqualTo("AVAILABLE");
        });
        assertThat(f.number("SELECT COUNT(*) FROM tp_audit WHERE entity = 'lot' AND entity_id = '" + soon
                + "' AND action = 'STATUS_EXPIRED'")).isEqualTo(1);

        // the same day again, and after a restart: nothing new
        assertThat(f.inventory.scan()).isEqualTo(new ShortDatedScan.Result(0, 0));
        assertThat(f.restarted().scan()).isEqualTo(new ShortDatedScan.Result(0, 0));
        assertThat(lotIds(InventoryTopics.SHORT_DATED)).containsExactly(soon, later);
        assertThat(f.events(InventoryTopics.LOT_STATUS)).hasSize(1);
    }

    @Test
    void emptyQuarantinedAndUndatedLotsAreLeftAlone() {
        long empty = f.receive(f.hubeiProv, f.kn95, 10, TODAY.plusDays(200));
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(10L)
                .orgUnitId(f.station).lotId(empty).build(), null);
        long quarantined = f.receive(f.hubeiProv, f.medprot, 10, TODAY.plusDays(200));
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.QUARANTINED, "test"), null);
        f.receive(f.hubeiProv, f.tent, 10, null);
        f.clock.now = f.clock.now.plus(Duration.ofDays(190));
        assertThat(f.inventory.scan()).isEqualTo(new ShortDatedScan.Result(0, 0));
        f.clock.now = f.clock.now.plus(Duration.ofDays(30));
        assertThat(f.inventory.scan()).isEqualTo(new ShortDatedScan.Result(0, 0));
        assertThat(f.inventory.lot(ADMIN, quarantined).status()).isEqualTo(LotStatus.QUARANTINED);
        assertThat(f.events(InventoryTopics.SHORT_DATED)).isEmpty();
    }

    /** Records what the scheduler asks for; nothing runs (the first run would be a minute away). */
    static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
        final List<long[]> scheduled = new ArrayList<>();
        final List<ScheduledFuture<?>> futures = new ArrayList<>();

        RecordingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            scheduled.add(new long[] {unit.toMinutes(initialDelay), unit.toHours(period)});
            ScheduledFuture<?> future = super.scheduleAtFixedRate(command, initialDelay, period, unit);
            futures.add(future);
            return future;
        }
    }

    @Test
    void theScheduleFollowsTheConfigurationAndSurvivesAFailedRun() {
        RecordingExecutor executor = new RecordingExecutor();
        AtomicInteger runs = new AtomicInteger();
        ShortDatedScan failing = () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("database down");
        };
        ShortDatedScheduler scheduler = new ShortDatedScheduler(failing, Fixture.config(30, 24), executor);
        assertThat(executor.scheduled).singleElement().satisfies(s -> assertThat(s).containsExactly(1, 24));

        scheduler.modified(Fixture.config(30, 24));
        assertThat(executor.scheduled).hasSize(1);
        scheduler.modified(Fixture.config(30, 6));
        assertThat(executor.scheduled).hasSize(2).last().satisfies(s -> assertThat(s).containsExactly(1, 6));
        assertThat(executor.futures.get(0).isCancelled()).isTrue();
        scheduler.modified(Fixture.config(30, 0));
        assertThat(executor.futures.get(1).isCancelled()).isTrue();
        assertThat(executor.scheduled).hasSize(2);

        scheduler.runOnce();
        assertThat(runs).hasValue(1);
        scheduler.deactivate();
        assertThat(executor.isShutdown()).isTrue();
    }

    private List<Long> lotIds(String topic) {
        return f.events(topic).stream().map(e -> (Long) e.getProperty("lotId")).toList();
    }
}
