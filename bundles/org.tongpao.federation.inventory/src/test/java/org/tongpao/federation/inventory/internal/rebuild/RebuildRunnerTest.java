package org.tongpao.federation.inventory.internal.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;

class RebuildRunnerTest {
    private final RebuildFixture f = new RebuildFixture();
    private final List<Long> centralLots = new ArrayList<>();

    @BeforeEach
    void stockAtCentral() {
        String[] depots = {"HB-PROV-01", "HB-WH-01"};
        for (int i = 1; i <= 9; i++) {
            centralLots.add(f.receive(depots[i % 2], "MASK-KN95", 10 * i, LocalDate.of(2030, 1, i)));
        }
        f.receive("HB-WH-01", "FIELD-TENT", 7, null);
        f.receive("JS-PROV-01", "FIELD-TENT", 99, null);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anEmptyProvinceGetsItsMasterDataAndItsDepotsStockFromCentral() {
        Rebuilder rebuilder = f.rebuilder(3);
        List<Boolean> refusingDuring = new ArrayList<>();
        RebuildRun run = rebuilder.runHere(f.ADMIN, f.stream(), r -> refusingDuring.add(rebuilder.refusingWrites()));

        assertThat(run.state()).isEqualTo(RebuildRun.DONE);
        assertThat(run.rowsApplied()).isEqualTo(run.rowsExpected());
        assertThat(refusingDuring).isNotEmpty().containsOnly(true);
        assertThat(rebuilder.refusingWrites()).isFalse();
        // master data by code, then Hubei's lots (not Jiangsu's) with central's figures
        assertThat(f.province.id("tp_depot", "HB-WH-01")).isPositive();
        assertThat(f.province.id("tp_org_unit", "P42-WUHAN-JIANGAN-T01")).isPositive();
        assertThat(f.province.number("SELECT COUNT(*) FROM tp_inv_lot")).isEqualTo(10);
        assertThat(f.province.number("SELECT SUM(on_hand) FROM tp_inv_balance")).isEqualTo(10 * 45 + 7);
        assertThat(f.province.number("SELECT SUM(reserved) FROM tp_inv_balance")).isZero();
        f.province.assertLedgerMatchesBalances();
        // central created these lots, so they got local ids here and keep central's key beside them
        assertThat(f.province.number("SELECT COUNT(*) FROM tp_fedinv_lot_origin WHERE origin_node = 'central'"))
                .isEqualTo(10);
        assertThat(f.province.number("SELECT COUNT(*) FROM tp_audit WHERE entity = 'federation-rebuild'")).isEqualTo(2);
    }

    @Test
    void lotsTheProvinceCreatedKeepTheirIdsAndTheNumberingContinuesAboveThem() {
        // two of central's lots are replicas of Hubei's lots 311 and 312 (as stock.posting messages made them)
        f.central.execute("INSERT INTO tp_inv_replica_lot (origin_node, remote_lot_id, lot_id) VALUES ('province:42', 311, "
                + centralLots.get(0) + "), ('province:42', 312, " + centralLots.get(1) + ")");
        RebuildRun run = f.rebuilder(4).runHere(f.ADMIN, f.stream(), r -> { });

        assertThat(run.state()).isEqualTo(RebuildRun.DONE);
        assertThat(f.province.number("SELECT on_hand FROM tp_inv_balance WHERE lot_id = 311")).isEqualTo(10);
        assertThat(f.province.number("SELECT on_hand FROM tp_inv_balance WHERE lot_id = 312")).isEqualTo(20);
        assertThat(f.province.number("SELECT COUNT(*) FROM tp_fedinv_lot_origin WHERE lot_id IN (311, 312)")).isZero();
        // central's own lots are numbered above every id Hubei ever gave a lot central holds
        assertThat(f.province.number("SELECT MIN(lot_id) FROM tp_fedinv_lot_origin")).isEqualTo(313);
        assertThat(f.province.number("SELECT COUNT(*) FROM tp_fedinv_lot_origin")).isEqualTo(8);
        f.province.assertLedgerMatchesBalances();
        long next = f.province.stock().receive(f.ADMIN, org.tongpao.inventory.NewReceipt.builder()
                .depotId(f.province.id("tp_depot", "HB-WH-01")).itemId(f.province.id("tp_item", "FIELD-TENT"))
                .quantity(1L).origin(org.tongpao.inventory.LotOrigin.DONATION).sourceDocument("D-2").build(), null).id();
        assertThat(next).as("a lot received after the rebuild").isGreaterThan(320);
    }

    @Test
    void postingsAfterTheRebuildAreNumberedAboveEveryPostingCentralAppliedFromTheProvince() {
        // central applied Hubei's postings up to 900 (stock.posting messages, keyed by Hubei's own posting ids)
        f.central.execute("INSERT INTO tp_inv_replica_posting (origin_node, remote_posting_id, part_no, posting_id,"
                + " applied_at) VALUES ('province:42', 900, 0, (SELECT MIN(id) FROM tp_inv_posting), CURRENT_TIMESTAMP)");
        RebuildRun run = f.rebuilder(4).runHere(f.ADMIN, f.stream(), r -> { });
        assertThat(run.state()).isEqualTo(RebuildRun.DONE);

        f.province.stock().receive(f.ADMIN, org.tongpao.inventory.NewReceipt.builder()
                .depotId(f.province.id("tp_depot", "HB-WH-01")).itemId(f.province.id("tp_item", "FIELD-TENT"))
                .quantity(1L).origin(org.tongpao.inventory.LotOrigin.DONATION).sourceDocument("D-3").build(), null);
        // a posting numbered 900 or below would be dropped at central as a repeat of one it applied
        assertThat(f.province.number("SELECT MAX(id) FROM tp_inv_posting")).as("the first posting after the rebuild")
                .isGreaterThan(900);
    }

    @Test
    void aRunStoppedMidwayResumesWhereItStoppedAfterARestart() {
        AtomicInteger pages = new AtomicInteger();
        Rebuilder first = f.rebuilder(2);
        // stop after four pages, as a kill -9 between two pages leaves it: RUNNING, cursor after page 4
        RebuildRun stopped = first.runHere(f.ADMIN, f.stream(), r -> pages.incrementAndGet());
        assertThat(stopped.state()).isEqualTo(RebuildRun.DONE);
        // the same again on a fresh pair of nodes, interrupted this time
        try (RebuildFixture g = new RebuildFixture()) {
            for (int i = 1; i <= 9; i++) {
                g.receive(i % 2 == 0 ? "HB-WH-01" : "HB-PROV-01", "MASK-KN95", 10 * i, LocalDate.of(2030, 1, i));
            }
            AtomicInteger served = new AtomicInteger();
            PageSource dies = (after, limit) -> {
                if (served.incrementAndGet() == 6) {
                    throw new IOException("connection reset");
                }
                return g.stream().page(after, limit);
            };
            Rebuilder beforeCrash = g.rebuilder(2);
            assertThatThrownBy(() -> beforeCrash.runHere(g.ADMIN, dies, r -> { })).hasMessageContaining("connection reset");
            RebuildRun failed = beforeCrash.status().orElseThrow();
            assertThat(failed.state()).isEqualTo(RebuildRun.FAILED);
            assertThat(failed.pages()).isEqualTo(5);
            assertThat(failed.lastError()).contains("connection reset");

            Rebuilder afterRestart = g.rebuilder(2);
            assertThat(afterRestart.refusingWrites()).as("still refusing after a restart").isTrue();
            List<String> cursors = new ArrayList<>();
            RebuildRun done = afterRestart.runHere(g.ADMIN, (after, limit) -> {
                cursors.add(after);
                return g.stream().page(after, limit);
            }, r -> { });
            assertThat(cursors.get(0)).as("resumed from the stored cursor").isEqualTo(failed.cursor());
            assertThat(done.state()).isEqualTo(RebuildRun.DONE);
            assertThat(done.rowsApplied()).isEqualTo(done.rowsExpected());
            assertThat(g.province.number("SELECT COUNT(*) FROM tp_inv_lot")).isEqualTo(9);
            assertThat(g.province.number("SELECT SUM(on_hand) FROM tp_inv_balance")).isEqualTo(450);
            g.province.assertLedgerMatchesBalances();
        }
    }

    @Test
    void aRunStoppedBetweenPagesStaysRunningAndTheNextStartResumesIt() {
        Rebuilder rebuilder = f.rebuilder(2);
        RebuildRunner runner = new RebuildRunner(f.province.ds, "42", f.stream(), new MasterDataApplier(
                f.province.core.units, f.province.core.catalogue, f.province.core.depots, f.province.sequences),
                new TransferApplier(f.provinceStock()), f.provinceSections, f.resets(), f.province.core.audit,
                java.time.Clock.systemUTC(), 2);
        AtomicInteger applied = new AtomicInteger();
        RebuildRun run = runner.run(runner.begin(f.ADMIN, "in-process"), f.ADMIN, () -> applied.get() >= 3,
                r -> applied.incrementAndGet());
        assertThat(run.state()).isEqualTo(RebuildRun.RUNNING);
        assertThat(run.pages()).isEqualTo(3);
        RebuildRun done = f.rebuilder(2).runHere(f.ADMIN, f.stream(), r -> { });
        assertThat(done.id()).isEqualTo(run.id());
        assertThat(done.state()).isEqualTo(RebuildRun.DONE);
        assertThat(f.province.number("SELECT COUNT(*) FROM tp_inv_lot")).isEqualTo(10);
        assertThat(rebuilder.status().orElseThrow().state()).isEqualTo(RebuildRun.DONE);
    }

    @Test
    void centralsRefusalStopsTheRunBeforeAnythingIsApplied() {
        f.catchUp = new CatchUp("42", Optional.empty(), OptionalLong.of(12));
        Rebuilder rebuilder = f.rebuilder(5);
        assertThatThrownBy(() -> rebuilder.runHere(f.ADMIN, f.stream(), r -> { })).isInstanceOf(ConflictException.class)
                .hasMessageContaining("has not caught up");
        assertThat(rebuilder.status().orElseThrow().pages()).isZero();
        assertThat(f.province.number("SELECT COUNT(*) FROM tp_inv_lot")).isZero();
        f.catchUp = new CatchUp("42", Optional.empty(), OptionalLong.of(0));
        assertThat(rebuilder.runHere(f.ADMIN, f.stream(), r -> { }).state()).isEqualTo(RebuildRun.DONE);
    }

    @Test
    void masterDataRestoredCarriesCentralsSequenceSoAnOlderQueuedSnapshotChangesNothing() {
        // central's forwarder recorded the newest snapshot it sent of depot HB-WH-01: message central/50
        org.tongpao.core.persistence.Transactions.write(f.central.ds, "sent", c -> f.central.sequences.claim(c,
                org.tongpao.federation.SnapshotSequences.DEPOT, "HB-WH-01", 50));
        assertRebuiltThenOnlyNewerSnapshotsApply(40, 60);
    }

    @Test
    void aRecordCentralChangedBeforeSequencesWereKeptGoesWithCentralsCurrentSequence() {
        // no snapshot of depot HB-WH-01 recorded at central (changed before 1.2, or never); central's outbox has
        // handed out ids up to 70 by now (its numbering started at 71 and every row went), so a copy still queued
        // for Hubei is older than that
        f.central.execute("INSERT INTO tp_fed_state (name, value) VALUES ('outbox-start', '71')");
        assertRebuiltThenOnlyNewerSnapshotsApply(40, 71);
    }

    /**
     * Rebuilds Hubei; then central's snapshot of depot HB-WH-01 numbered {@code older} (still queued from before the
     * rebuild) changes nothing, and the one numbered {@code newer} (a change central made after it) applies.
     */
    private void assertRebuiltThenOnlyNewerSnapshotsApply(long older, long newer) {
        String name = f.central.core.depots.getByCode(f.ADMIN, "HB-WH-01").name();
        assertThat(f.rebuilder(500).runHere(f.ADMIN, f.stream(), r -> { }).state()).isEqualTo(RebuildRun.DONE);
        java.util.function.LongConsumer snapshot = depotSnapshot();
        snapshot.accept(older);
        assertThat(f.province.core.depots.getByCode(f.ADMIN, "HB-WH-01").name()).isEqualTo(name);
        snapshot.accept(newer);
        assertThat(f.province.core.depots.getByCode(f.ADMIN, "HB-WH-01").name()).isEqualTo("renamed at " + newer);
    }

    /** Central's {@code master.depot} snapshot of HB-WH-01 with sequence {@code seq}, applied at Hubei's inbox. */
    private java.util.function.LongConsumer depotSnapshot() {
        org.tongpao.federation.MessageHandler depots = new org.tongpao.federation.internal.master.DepotSnapshots(
                f.province.core.depots, f.province.core.units, org.tongpao.core.persistence.SchemaReady.of(
                        org.tongpao.federation.internal.FederationSchema.NAME, f.province.ds));
        return seq -> org.tongpao.core.persistence.Transactions.enclosing(f.province.ds, "inbox", c -> {
            depots.apply(new org.tongpao.federation.Message("central/" + seq, "master.depot", "1.0", "central",
                    "province:42", java.time.Instant.now(), java.util.Map.of("code", "HB-WH-01", "name",
                            "renamed at " + seq, "orgUnitCode", "P42", "provinceCode", "42")), CENTRAL_LINK);
            return null;
        });
    }

    private static final org.tongpao.core.Caller CENTRAL_LINK = org.tongpao.core.Caller.of("node:central",
            java.util.Set.of("ministry-admin"), "fed-central");

    @Test
    void aNodeThatHoldsItsStockIsNotRebuiltOverIt() {
        f.rebuilder(500).runHere(f.ADMIN, f.stream(), r -> { });
        assertThatThrownBy(() -> f.rebuilder(500).runHere(f.ADMIN, f.stream(), r -> { }))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already holds 10 lot(s)");
    }
}
