package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.LockRace;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.ReplicaLot;
import org.tongpao.inventory.ReplicaMovement;
import org.tongpao.inventory.ReplicaPosting;

/**
 * This node as central with Hubei federated ({@code province:42} keeps Hubei's depot ledgers): postings made
 * there apply to the replica of HB-WH-01 (lots keyed by origin node and remote lot id, movements at their own
 * time, balances following, never negative), once each, and only from the node that keeps the depot.
 */
class ReplicaLedgerTest extends WithFixture {
    private static final LedgerOwners HUBEI_FEDERATED = province -> "42".equals(province)
            ? Optional.of("province:42") : Optional.empty();
    static final Caller NODE_42 = Caller.of("node:province:42", Set.of("province-officer", "province-42"), "m-1");
    private static final Instant T1 = Instant.parse("2026-01-30T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-31T08:00:00Z");

    ReplicaLedgerTest() {
        f.inventory.bindLedgerOwners(HUBEI_FEDERATED);
    }

    static ReplicaLot lot(long remoteId, String status) {
        return ReplicaLot.builder().lotId(remoteId).itemCode("MASK-KN95").origin(LotOrigin.PURCHASE_ORDER)
                .sourceDocument("PO-42-7").expiryDate(TODAY.plusYears(1)).receivedOn(TODAY.minusDays(2))
                .status(LotStatus.valueOf(status)).receivedQuantity(100).build();
    }

    static ReplicaPosting.Builder posting(long postingId, Instant at, String operation, ReplicaMovement... moves) {
        return ReplicaPosting.builder().node("province:42").postingId(postingId).operation(operation)
                .depotCode("HB-WH-01").occurredAt(at).actor("hubei").movements(List.of(moves));
    }

    private void receive100(Instant at) {
        assertThat(f.inventory.apply(NODE_42, posting(1, at, "receipt",
                new ReplicaMovement(311, MovementType.RECEIPT, 100, null)).lots(List.of(lot(311, "AVAILABLE")))
                .build())).isTrue();
    }

    private long replicaLot(long remoteId) {
        return f.number("SELECT lot_id FROM tp_inv_replica_lot WHERE origin_node = 'province:42' AND remote_lot_id = "
                + remoteId);
    }

    @Test
    void aReceiptMadeAtTheProvinceBecomesALotOfTheReplicaAtItsOwnTime() {
        receive100(T1);
        long lot = replicaLot(311);
        assertThat(f.onHand(lot)).isEqualTo(100);
        assertThat(f.inventory.lot(ADMIN, lot)).satisfies(l -> {
            assertThat(l.depotId()).isEqualTo(f.wuhan);
            assertThat(l.itemId()).isEqualTo(f.kn95);
            assertThat(l.expiryDate()).isEqualTo(TODAY.plusYears(1));
            assertThat(l.receivedOn()).isEqualTo(TODAY.minusDays(2));
            assertThat(l.sourceDocument()).isEqualTo("PO-42-7");
        });
        Movement m = f.inventory.movements(ADMIN, new MovementFilter(f.wuhan, null, null, null, null), 10, null)
                .items().get(0);
        assertThat(m.occurredAt()).isEqualTo(T1);
        assertThat(m.actor()).isEqualTo("province:42/hubei");
        assertThat(f.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .containsExactly(new ProvinceStock("42", "MASK", 100, 0, 100, "province:42", T1));
        assertThat(f.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> s.provinceCode() == null)
                .allSatisfy(s -> assertThat(s.replicatedFrom()).isNull());
        f.assertLedgerMatchesBalances();
        // a replica is not a change this node made: nothing is announced (nor forwarded)
        assertThat(f.events("org/tongpao/inventory")).isEmpty();
    }

    @Test
    void aLateBackDatedPostingTakesItsPlaceInTimeAndLeavesTheReplicaAsOfTheLatest() {
        receive100(T1);
        f.inventory.apply(NODE_42, posting(3, T2, "issue", new ReplicaMovement(311, MovementType.ISSUE, -30, null))
                .build());
        // posting 2 was made before posting 3 but arrives after it
        f.inventory.apply(NODE_42, posting(2, T1.plusSeconds(60), "issue",
                new ReplicaMovement(311, MovementType.ISSUE, -20, null)).build());
        assertThat(f.onHand(replicaLot(311))).isEqualTo(50);
        List<Movement> page1 = f.inventory.movements(ADMIN, new MovementFilter(f.wuhan, null, null, null, null), 2,
                null).items();
        String cursor = f.inventory.movements(ADMIN, new MovementFilter(f.wuhan, null, null, null, null), 2, null)
                .nextCursor();
        List<Movement> page2 = f.inventory.movements(ADMIN, new MovementFilter(f.wuhan, null, null, null, null), 2,
                cursor).items();
        assertThat(page1).extracting(Movement::quantity).containsExactly(100L, -20L);
        assertThat(page2).extracting(Movement::quantity).containsExactly(-30L);
        assertThat(f.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .singleElement().satisfies(s -> assertThat(s.asOf()).isEqualTo(T2));
    }

    @Test
    void postingsAppliedTogetherLeaveTheReplicaAsOfTheLatestAppliedOneWhateverTheirOrder() {
        Instant t3 = T2.plusSeconds(3600);
        // as federation's inbox applies messages that arrived together: one enclosing transaction, a refusal caught
        Transactions.enclosing(f.ds, "inbox group", c -> {
            receive100(T1);
            f.inventory.apply(NODE_42, posting(3, T2, "issue", new ReplicaMovement(311, MovementType.ISSUE, -30,
                    null)).build());
            assertThatThrownBy(() -> f.inventory.apply(NODE_42, posting(4, t3, "issue",
                    new ReplicaMovement(311, MovementType.ISSUE, -500, null)).build()))
                    .isInstanceOf(ConflictException.class);
            f.inventory.apply(NODE_42, posting(2, T1.plusSeconds(60), "issue",
                    new ReplicaMovement(311, MovementType.ISSUE, -20, null)).build());
            return null;
        });
        assertThat(f.onHand(replicaLot(311))).isEqualTo(50);
        // the refused posting's later time does not count, nor does the back-dated one make the replica older
        assertThat(f.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .singleElement().satisfies(s -> assertThat(s.asOf()).isEqualTo(T2));
        assertThat(f.count("tp_inv_replica_depot")).isEqualTo(1);
        f.assertLedgerMatchesBalances();

        Transactions.enclosing(f.ds, "inbox group", c -> f.inventory.apply(NODE_42, posting(5, T1, "issue",
                new ReplicaMovement(311, MovementType.ISSUE, -1, null)).build()));
        assertThat(f.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .singleElement().satisfies(s -> assertThat(s.asOf()).isEqualTo(T2));
    }

    @Test
    void aRepeatedPostingChangesNothing() {
        receive100(T1);
        long movements = f.count("tp_inv_movement");
        long audits = f.count("tp_audit");
        assertThat(f.inventory.apply(NODE_42, posting(1, T1, "receipt",
                new ReplicaMovement(311, MovementType.RECEIPT, 100, null)).lots(List.of(lot(311, "AVAILABLE")))
                .build())).isFalse();
        assertThat(f.onHand(replicaLot(311))).isEqualTo(100);
        assertThat(f.count("tp_inv_movement")).isEqualTo(movements);
        assertThat(f.count("tp_audit")).isEqualTo(audits);
        assertThat(f.count("tp_inv_lot")).isEqualTo(1);
    }

    @Test
    void aLotStatusChangeWithoutMovementsUpdatesTheReplicaLot() {
        receive100(T1);
        f.inventory.apply(NODE_42, ReplicaPosting.builder().node("province:42").operation("lot-status")
                .depotCode("HB-WH-01").occurredAt(T2).actor("hubei").lots(List.of(lot(311, "QUARANTINED"))).build());
        assertThat(f.inventory.lot(ADMIN, replicaLot(311)).status()).isEqualTo(LotStatus.QUARANTINED);
        assertThat(f.inventory.available(ADMIN, f.wuhan, f.kn95)).isZero();
    }

    @Test
    void aPostingForADepotTheSenderDoesNotKeepIsRefused() {
        // Hubei's link speaking of a Jiangsu depot: outside its scope
        assertThatThrownBy(() -> f.inventory.apply(NODE_42, posting(1, T1, "receipt").depotCode("JS-PROV-01")
                .build())).isInstanceOf(AccessDeniedException.class);
        // Jiangsu's depots are kept here, not by province:32
        Caller node32 = Caller.of("node:province:32", Set.of("province-officer", "province-32"), "m-2");
        assertThatThrownBy(() -> f.inventory.apply(node32, posting(1, T1, "receipt").node("province:32")
                .depotCode("JS-PROV-01").build())).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e).hasMessageContaining("kept by this node, not by node province:32"));
        assertThat(f.count("tp_inv_posting")).isZero();
        assertThat(f.count("tp_inv_replica_depot")).isZero();
    }

    @Test
    void aMovementTheReplicaCannotCoverIsRefusedWhole() {
        receive100(T1);
        assertThatThrownBy(() -> f.inventory.apply(NODE_42, posting(2, T2, "issue",
                new ReplicaMovement(311, MovementType.ISSUE, -60, null),
                new ReplicaMovement(311, MovementType.ISSUE, -60, null)).build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field())
                        .isEqualTo("movements[1].quantity"));
        assertThatThrownBy(() -> f.inventory.apply(NODE_42, posting(2, T2, "issue",
                new ReplicaMovement(999, MovementType.ISSUE, -1, null)).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field())
                        .isEqualTo("movements[0].lotId"));
        assertThat(f.onHand(replicaLot(311))).isEqualTo(100);
        assertThat(f.count("tp_inv_movement")).isEqualTo(1);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void aRemoteLotContinuesALotOfThisNodeOnlyOfTheSameDepotAndOnce() {
        f.inventory.unbindLedgerOwners(HUBEI_FEDERATED);
        long own = f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
        long elsewhere = f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(1));
        f.inventory.bindLedgerOwners(HUBEI_FEDERATED);
        ReplicaMovement issue = new ReplicaMovement(500, MovementType.ISSUE, -40, null);
        assertThatThrownBy(() -> f.inventory.apply(NODE_42, posting(9, T2, "issue", issue).lots(List.of(
                lot(500, "AVAILABLE").toBuilder().localLotId(elsewhere).build())).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field())
                        .isEqualTo("lots[0].localLotId"));
        f.inventory.apply(NODE_42, posting(9, T2, "issue", issue).lots(List.of(lot(500, "AVAILABLE").toBuilder()
                .localLotId(own).build())).build());
        assertThat(f.onHand(own)).isEqualTo(60);
        assertThat(replicaLot(500)).isEqualTo(own);
        // another remote lot cannot take over the same lot
        assertThatThrownBy(() -> f.inventory.apply(NODE_42, posting(10, T2, "issue").lots(List.of(lot(501,
                "AVAILABLE").toBuilder().localLotId(own).build())).build())).isInstanceOf(ValidationException.class);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void localWritesToTheReplicaAreRefused() {
        receive100(T1);
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95)
                .quantity(1L).orgUnitId(f.station).build(), null)).isInstanceOf(ConflictException.class);
        // nor does the expiry scan touch the replica's lots: their owner expires them
        f.clock.now = TODAY.plusYears(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertThat(f.inventory.scan().expired()).isZero();
    }

    /** A change without movements holding {@code reserved} of remote lot 311, as the origin's change {@code seq}. */
    private boolean reserved(long reserved, long seq) {
        return f.inventory.apply(NODE_42, ReplicaPosting.builder().node("province:42").operation("reserve")
                .depotCode("HB-WH-01").occurredAt(T2).actor("hubei").sequence(seq)
                .lots(List.of(lot(311, "AVAILABLE").toBuilder().reserved(reserved).build())).build());
    }

    @Test
    void theReplicaHoldsWhatTheOriginReservedTheNewestByItsSequence() {
        receive100(T1);
        long lot = replicaLot(311);
        assertThat(reserved(30, 5)).isTrue();
        assertThat(f.reserved(lot)).isEqualTo(30);
        assertThat(f.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .singleElement().satisfies(s -> assertThat(List.of(s.onHand(), s.reserved(), s.available()))
                        .containsExactly(100L, 30L, 70L));
        assertThat(f.inventory.available(ADMIN, f.wuhan, f.kn95)).isEqualTo(70); // what central's planner sees
        // an older change applied late (a parked message retried) leaves the newer quantity
        reserved(80, 4);
        assertThat(f.reserved(lot)).isEqualTo(30);
        // more than the replica holds on hand: 409 naming the lot's field, nothing changed
        assertThatThrownBy(() -> reserved(101, 6)).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("lots[0].reserved"));
        assertThat(f.reserved(lot)).isEqualTo(30);
        // the dispatch of the held 30: the lot's reserved goes down before its transfer-out takes the 30
        assertThat(f.inventory.apply(NODE_42, posting(2, T2, "transfer-out",
                new ReplicaMovement(311, MovementType.TRANSFER_OUT, -30, null)).sequence(7L)
                .lots(List.of(lot(311, "AVAILABLE").toBuilder().reserved(0L).build())).build())).isTrue();
        assertThat(List.of(f.onHand(lot), f.reserved(lot))).containsExactly(70L, 0L);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void theNationalReportPairsBalancesWithTheirAgeWhenAPostingCommitsBetweenItsStatements() {
        receive100(T1);
        // the report's read lets a posting (50 more, made at T2) race in just before it reads the replicas' age
        LockRace[] race = new LockRace[1];
        Thread reader = Thread.currentThread();
        InventoryComponent paused = f.on(BeforeStatement.on(f.ds, sql -> sql.contains("tp_inv_replica_depot")
                && Thread.currentThread() == reader, () -> {
                    race[0] = LockRace.start("posting", () -> Transactions.enclosing(f.ds, "inbox", c -> f.inventory
                            .apply(NODE_42, posting(2, T2, "receipt", new ReplicaMovement(311, MovementType.RECEIPT, 50,
                                    null)).lots(List.of(lot(311, "AVAILABLE"))).build())));
                    race[0].endedOrWaiting(Duration.ofSeconds(30));
                }));
        paused.bindLedgerOwners(HUBEI_FEDERATED);
        ProvinceStock during = paused.nationalStock(ADMIN, "MASK").stream().filter(s -> "42".equals(s.provinceCode()))
                .findFirst().orElseThrow();
        race[0].join(Duration.ofSeconds(30));
        // either before the posting (100 as of T1) or after it (150 as of T2), never 100 as of T2
        assertThat(List.of(during.onHand(), during.asOf())).isIn(List.of(100L, T1), List.of(150L, T2));
        assertThat(f.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .singleElement().satisfies(s -> assertThat(List.of(s.onHand(), s.asOf())).containsExactly(150L, T2));
    }
}
