package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.reporting.internal.ReportingFixture.ADMIN;
import static org.tongpao.reporting.internal.ReportingFixture.AUDITOR;
import static org.tongpao.reporting.internal.ReportingFixture.HUBEI;
import static org.tongpao.reporting.internal.ReportingFixture.KEEPER;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.NewCensus;
import org.tongpao.reporting.BatchReport;
import org.tongpao.reporting.CensusReport;
import org.tongpao.reporting.FundingReport;
import org.tongpao.reporting.Reports;
import org.tongpao.reporting.ShortageReport;
import org.tongpao.reporting.StockReport;
import org.tongpao.reporting.Tabular;
import org.tongpao.reporting.TransitReport;

/** Stock, batches, shortages, scope and the capabilities that are not installed. */
class ReportsTest {
    static final String STATION = "P42-WUHAN-JIANGAN-T01";
    ReportingFixture f;

    @BeforeEach
    void setUp() {
        f = new ReportingFixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void stockHasTheCentralReserveAsItsOwnRowAndIsMapReady() {
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 900);
        f.receive("HB-WH-01", "MASK-KN95", 100);
        f.receive("HB-PROV-01", "MASK-KN95", 20);
        f.receive("JS-PROV-01", "MASK-KN95", 30);
        StockReport r = f.reports.stock(ADMIN);
        assertThat(r.scope()).isEqualTo("national");
        assertThat(r.byItem()).extracting(x -> x.place().code(), StockReport.StockItemRow::itemCode,
                StockReport.StockItemRow::onHand).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CENTRAL", "MASK-KN95", 900L),
                        org.assertj.core.groups.Tuple.tuple("32", "MASK-KN95", 30L),
                        org.assertj.core.groups.Tuple.tuple("42", "MASK-KN95", 120L));
        assertThat(r.byCategory().get(0).place()).satisfies(p -> {
            assertThat(p.centralReserve()).isTrue();
            assertThat(p.nameZh()).isEqualTo("中央储备");
        });
        assertThat(r.byCategory()).filteredOn(x -> x.place().code().equals("42")).singleElement()
                .satisfies(x -> {
                    assertThat(x.place().nameEn()).isEqualTo("Hubei");
                    assertThat(x.onHand()).isEqualTo(120);
                });
        assertThat(r.federation().installed()).isFalse();
        // the tables hold the same figures
        Tabular.Table byItem = r.tables().get(1);
        assertThat(byItem.name()).isEqualTo("by-item");
        assertThat(byItem.rows()).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(byItem.columns().size()));
    }

    /** By item, each place × item's earliest expiry and what expires that day; it moves on as that stock is issued. */
    @Test
    void stockByItemCarriesTheEarliestExpiryWhichMovesOnAsItsStockLeaves() {
        java.time.LocalDate soon = java.time.LocalDate.of(2026, 3, 1);
        java.time.LocalDate later = java.time.LocalDate.of(2027, 1, 1);
        f.receive("HB-WH-01", "MASK-KN95", 40, later);
        f.receive("HB-WH-01", "MASK-KN95", 25, soon);
        f.receive("HB-PROV-01", "MASK-KN95", 5, soon);
        f.receive("JS-PROV-01", "THERMOMETER-IR", 30, null); // no shelf life, undated: no earliest expiry
        StockReport r = f.reports.stock(ADMIN);
        assertThat(r.byItem()).extracting(x -> x.place().code(), StockReport.StockItemRow::itemCode,
                StockReport.StockItemRow::earliestExpiry, StockReport.StockItemRow::earliestExpiryOnHand)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("32", "THERMOMETER-IR", null, null),
                        org.assertj.core.groups.Tuple.tuple("42", "MASK-KN95", soon, 30L));
        Tabular.Table byItem = r.tables().get(1);
        assertThat(byItem.columns()).endsWith("earliest_expiry", "earliest_expiry_on_hand");
        assertThat(byItem.rows().get(1)).endsWith(soon, 30L);
        assertThat(byItem.rows().get(0).subList(9, 11)).containsOnlyNulls();

        f.issue("HB-WH-01", "MASK-KN95", 25, "P42-WUHAN-JIANGAN-T01"); // first-expiry-first-out: the 25 of March
        assertThat(f.reports.stock(HUBEI).byItem()).singleElement().satisfies(x -> {
            assertThat(x.earliestExpiry()).isEqualTo(soon);
            assertThat(x.earliestExpiryOnHand()).isEqualTo(5); // Hubei's provincial depot still holds its 5
        });
        f.issue("HB-PROV-01", "MASK-KN95", 5, "P42-WUHAN-JIANGAN-T01");
        assertThat(f.reports.stock(HUBEI).byItem()).singleElement().satisfies(x -> {
            assertThat(x.earliestExpiry()).isEqualTo(later);
            assertThat(x.earliestExpiryOnHand()).isEqualTo(40);
        });
    }

    @Test
    void concurrentRequestsSharingAComputationGetTheAnswersEachWouldHaveComputed() throws Exception {
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 900);
        f.receive("HB-WH-01", "MASK-KN95", 100);
        f.receive("JS-PROV-01", "MASK-MEDPROT", 30);
        ReportsComponent own = f.unshared();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Object>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Caller who = List.of(ADMIN, HUBEI, AUDITOR).get(i % 3);
                answers.add(pool.submit(() -> List.of(who, f.reports.stock(who), f.reports.cover(who, null),
                        f.reports.cover(who, 30))));
            }
            for (Future<List<Object>> a : answers) {
                Caller who = (Caller) a.get(60, TimeUnit.SECONDS).get(0);
                assertThat(a.get().subList(1, 4)).containsExactly(own.stock(who), own.cover(who, null),
                        own.cover(who, 30));
            }
        } finally {
            pool.shutdownNow();
        }
        f.receive("HB-WH-01", "MASK-KN95", 5); // nothing is kept between requests: the next report has it
        assertThat(f.reports.stock(ADMIN)).isEqualTo(own.stock(ADMIN));
        assertThat(f.reports.stock(HUBEI).byItem()).singleElement().extracting(StockReport.StockItemRow::onHand)
                .isEqualTo(105L);
    }

    @Test
    void aProvinceOfficerSeesItsProvinceOnlyAndADepotKeeperNoReport() {
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 900);
        f.receive("HB-WH-01", "MASK-KN95", 100);
        f.receive("JS-PROV-01", "MASK-KN95", 30);
        StockReport r = f.reports.stock(HUBEI);
        assertThat(r.scope()).isEqualTo("42");
        assertThat(r.byItem()).extracting(x -> x.place().code()).containsOnly("42");
        assertThat(r.byCategory()).extracting(x -> x.place().code()).containsOnly("42");
        assertThat(f.reports.stock(AUDITOR).byItem()).hasSize(3);
        for (Reports.Name name : Reports.Name.values()) {
            assertThatThrownBy(() -> f.reports.report(KEEPER, name, null, null))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    Batch batchTo(String unit, String depot, String province, long quantity) {
        return f.batchTo(unit, depot, province, quantity);
    }

    @Test
    void batchesCarryTheirNumberPerDestination() {
        f.withAllocation();
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 10_000);
        batchTo(STATION, "HB-WH-01", "42", 100);
        batchTo("P32-NANJING", "JS-PROV-01", "32", 50);
        batchTo(STATION, "HB-WH-01", "42", 40);

        BatchReport r = f.reports.batches(ADMIN);
        assertThat(r.allocation().installed()).isTrue();
        assertThat(r.batches()).extracting(BatchReport.BatchRow::provinceCode,
                BatchReport.BatchRow::destinationSequence, BatchReport.BatchRow::quantity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("42", 1, 100L),
                        org.assertj.core.groups.Tuple.tuple("32", 1, 50L),
                        org.assertj.core.groups.Tuple.tuple("42", 2, 40L));
        assertThat(r.provinces()).extracting(p -> p.place().code(), BatchReport.BatchProvinceRow::batches,
                BatchReport.BatchProvinceRow::lastSequence, BatchReport.BatchProvinceRow::quantity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("32", 1, 1, 50L),
                        org.assertj.core.groups.Tuple.tuple("42", 2, 2, 140L));
        assertThat(f.reports.batches(HUBEI).provinces()).extracting(p -> p.place().code()).containsOnly("42");
    }

    @Test
    void withoutAllocationTheReportsSaySoInsteadOfShowingZeros() {
        BatchReport batches = f.reports.batches(ADMIN);
        assertThat(batches.allocation().installed()).isFalse();
        assertThat(batches.batches()).isEmpty();
        assertThat(f.reports.shortages(ADMIN).allocation().installed()).isFalse();
        FundingReport funding = f.reports.funding(ADMIN);
        assertThat(List.of(funding.procurement(), funding.funding(), funding.federation()))
                .allSatisfy(c -> assertThat(c.installed()).isFalse());
        assertThat(f.reports.transit(ADMIN).transport().installed()).isFalse();
    }

    @Test
    void shortagesFollowThePriorityRuleKeyAreasFirstThenUrgencyThenFrontLine() {
        f.withAllocation();
        f.receive("JS-PROV-01", "MASK-KN95", 30);
        f.needs.create(ADMIN, new NewNeed(f.unit("P32-NANJING"), f.item("MASK-KN95"), null, 100L, Urgency.ROUTINE,
                null, null, "stock up", null, f.depot("JS-PROV-01")), null);
        f.needs.create(ADMIN, new NewNeed(f.unit("P32-NANJING"), f.item("MASK-KN95"), null, 20L, Urgency.IMMEDIATE,
                null, null, "outbreak", null, f.depot("JS-PROV-01")), null);
        f.needs.create(ADMIN, new NewNeed(f.unit(STATION), f.item("MASK-KN95"), null, 60L, Urgency.H72, null, null,
                "front line", null, f.depot("HB-WH-01")), null);
        f.needs.declareKeyArea(ADMIN, new NewKeyArea("42", null, "Hubei"), null);

        ShortageReport r = f.reports.shortages(ADMIN);
        assertThat(r.rows()).extracting(ShortageReport.ShortageRow::keyArea, ShortageReport.ShortageRow::urgency,
                x -> x.place().code(), ShortageReport.ShortageRow::remaining, ShortageReport.ShortageRow::available,
                ShortageReport.ShortageRow::shortfall).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Hubei", "H72", "42", 60L, 0L, 60L),
                        org.assertj.core.groups.Tuple.tuple(null, "IMMEDIATE", "32", 20L, 30L, 0L),
                        org.assertj.core.groups.Tuple.tuple(null, "ROUTINE", "32", 100L, 30L, 70L));
        assertThat(r.rows().get(0).frontLine()).isTrue();
        assertThat(f.reports.shortages(HUBEI).rows()).extracting(x -> x.place().code()).containsOnly("42");
    }

    @Test
    void goodsInTransitAreCountedAtTheirDestinationUntilTheyArrive() {
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 1_000);
        var first = f.send("CENTRAL-RESERVE", "HB-WH-01", "MASK-KN95", 300);
        f.send("CENTRAL-RESERVE", "HB-WH-01", "MASK-KN95", 200);
        f.send("CENTRAL-RESERVE", "JS-PROV-01", "MASK-KN95", 50);
        TransitReport r = f.reports.transit(ADMIN);
        assertThat(r.inTransit()).extracting(x -> x.to().code(), TransitReport.TransitGoodsRow::quantity,
                TransitReport.TransitGoodsRow::transfers).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("32", 50L, 1),
                        org.assertj.core.groups.Tuple.tuple("42", 500L, 2));
        f.arrive(first);
        assertThat(f.reports.transit(HUBEI).inTransit()).singleElement().satisfies(x -> {
            assertThat(x.to().code()).isEqualTo("42");
            assertThat(x.quantity()).isEqualTo(200);
        });
    }

    @Test
    void theCensusSaysWhoReportedAndWhoIsLate() {
        f.receive("HB-WH-01", "MASK-KN95", 100);
        String category = f.core.catalogue.getByCode(ADMIN, "MASK-KN95").categoryCode();
        var census = f.inventory.open(ADMIN, new NewCensus("Masks", List.of(category),
                f.clock.now.plus(Duration.ofDays(1))), null);
        f.inventory.submit(HUBEI, census.id(), null, new CensusSubmission(List.of(
                new CensusSubmission.Declared(category, 90L, null))), null);
        f.advance(Duration.ofDays(2));
        CensusReport r = f.reports.census(ADMIN);
        assertThat(r.censusId()).isEqualTo(census.id());
        assertThat(r.reported()).isEqualTo(1);
        assertThat(r.late()).isEqualTo(30); // every other province let the deadline pass
        assertThat(r.provinces()).filteredOn(p -> p.place().code().equals("42")).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo("REPORTED"));
        assertThat(r.totals()).singleElement().satisfies(t -> {
            assertThat(t.systemQuantity()).isEqualTo(100);
            assertThat(t.declaredQuantity()).isEqualTo(90);
        });
        CensusReport hubei = f.reports.census(HUBEI);
        assertThat(hubei.provinces()).extracting(p -> p.place().code()).containsExactly("42");
        assertThat(hubei.late()).isZero();
    }
}
