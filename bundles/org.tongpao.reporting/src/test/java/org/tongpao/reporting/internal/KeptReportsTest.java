package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.reporting.internal.ReportingFixture.ADMIN;
import static org.tongpao.reporting.internal.ReportingFixture.HUBEI;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.reporting.CoverReport;
import org.tongpao.reporting.FundingReport;
import org.tongpao.reporting.StockReport;
import org.tongpao.reporting.internal.sources.ProcurementSource;

/**
 * The stock and cover reports kept between requests ({@link KeptReports}): given again while nothing was written,
 * never after a write of any kind committed, never to another caller.
 */
class KeptReportsTest {
    static final String STATION = "P42-WUHAN-JIANGAN-T01";
    static final Caller JIANGSU = Caller.of("jiangsu", Set.of("province-officer", "province-32"), "req-js");
    ReportingFixture f;
    ReportsComponent fresh;

    @BeforeEach
    void setUp() {
        f = new ReportingFixture();
        fresh = f.unshared();
        f.receive("HB-WH-01", "MASK-KN95", 1000);
        f.receive("JS-PROV-01", "MASK-KN95", 300);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** The kept reports of every caller equal what a fresh read gives now. */
    void keptEqualFresh() {
        for (Caller c : List.of(ADMIN, HUBEI, JIANGSU)) {
            assertThat(f.reports.cover(c, null)).isEqualTo(fresh.cover(c, null));
            assertThat(f.reports.stock(c)).isEqualTo(fresh.stock(c));
        }
    }

    /** Reports read, given again unchanged while nothing is written, then {@code write}: the next ones show it. */
    void aWriteIsInTheNextReports(Consumer<ReportingFixture> write) {
        CoverReport cover = f.reports.cover(ADMIN, null);
        StockReport stock = f.reports.stock(ADMIN);
        // the same objects: kept, not read again (what the rest of this test would not notice)
        assertThat(f.reports.cover(ADMIN, null)).isSameAs(cover);
        assertThat(f.reports.stock(ADMIN)).isSameAs(stock);
        write.accept(f);
        assertThat(f.reports.cover(ADMIN, null)).isNotEqualTo(cover);
        assertThat(f.reports.stock(ADMIN)).isNotEqualTo(stock);
        keptEqualFresh();
    }

    @Test
    void aReceiptIsInTheNextReports() {
        aWriteIsInTheNextReports(x -> x.receive("HB-WH-01", "MASK-KN95", 5));
    }

    @Test
    void anIssueIsInTheNextReports() {
        aWriteIsInTheNextReports(x -> x.issue("HB-WH-01", "MASK-KN95", 7, STATION));
    }

    @Test
    void aReservationIsInTheNextReports() {
        aWriteIsInTheNextReports(x -> x.inventory.reserve(ADMIN, x.depot("HB-WH-01"), x.item("MASK-KN95"), 9,
                "batch-1", null));
    }

    @Test
    void aQuarantineIsInTheNextReports() {
        long lot = f.inventory.lots(ADMIN, f.depot("HB-WH-01"), f.item("MASK-KN95"), null, 10, null).items().get(0)
                .id();
        aWriteIsInTheNextReports(x -> x.inventory.changeLotStatus(ADMIN, lot,
                new LotStatusChange(LotStatus.QUARANTINED, "suspect batch"), null));
    }

    @Test
    void aTransferSentAndReceivedIsInTheNextReports() {
        var sent = new ArrayList<org.tongpao.inventory.Transfer>();
        aWriteIsInTheNextReports(x -> sent.add(x.send("HB-WH-01", "JS-PROV-01", "MASK-KN95", 100)));
        aWriteIsInTheNextReports(x -> x.arrive(sent.get(0)));
    }

    /** Federation's inbox and procurement's receipts against an order: writes joined to an enclosing transaction. */
    @Test
    void aWriteJoinedToAnEnclosingTransactionIsInTheNextReportsOnceItCommits() {
        aWriteIsInTheNextReports(x -> Transactions.enclosing(x.ds, "inbox", c -> {
            x.receive("HB-WH-01", "MASK-KN95", 11);
            return null;
        }));
    }

    /** Procurement writes its orders in its own enclosing transactions: an order placed shows in the next cover. */
    @Test
    void aProcurementOrderIsInTheNextCover() {
        List<ProcurementSource.OnOrder> orders = new CopyOnWriteArrayList<>();
        ProcurementSource procurement = new ProcurementSource() {
            @Override
            public List<OnOrder> onOrder(Caller caller) {
                return List.copyOf(orders);
            }

            @Override
            public List<FundingReport.FundingOrderRow> totals(Caller caller) {
                return List.of();
            }
        };
        f.reports.procurement = procurement;
        fresh.procurement = procurement;
        CoverReport before = f.reports.cover(ADMIN, null);
        assertThat(f.reports.cover(ADMIN, null)).isSameAs(before);
        Transactions.enclosing(f.ds, "order", c -> orders.add(
                new ProcurementSource.OnOrder(f.depot("HB-WH-01"), f.item("MASK-KN95"), 200)));
        assertThat(CoverTest.row(f.reports.cover(ADMIN, null), "42", "MASK-KN95").onOrder()).isEqualTo(200);
        keptEqualFresh();
    }

    @Test
    void procurementBoundOrUnboundIsInTheNextCover() {
        CoverReport before = f.reports.cover(ADMIN, null);
        assertThat(before.procurement().installed()).isFalse();
        f.reports.procurement = new ProcurementSource() {
            @Override
            public List<OnOrder> onOrder(Caller caller) {
                return List.of();
            }

            @Override
            public List<FundingReport.FundingOrderRow> totals(Caller caller) {
                return List.of();
            }
        };
        assertThat(f.reports.cover(ADMIN, null).procurement().installed()).isTrue();
    }

    @Test
    void aCallersKeptReportIsNeverAnotherCallers() {
        // each caller's first request is kept; a province officer's is not the ministry's, nor another province's
        CoverReport hubei = f.reports.cover(HUBEI, null);
        CoverReport national = f.reports.cover(ADMIN, null);
        CoverReport jiangsu = f.reports.cover(JIANGSU, null);
        assertThat(hubei.scope()).isEqualTo("42");
        assertThat(jiangsu.scope()).isEqualTo("32");
        assertThat(national.scope()).isEqualTo("national");
        assertThat(hubei.rows()).allMatch(r -> r.place().code().equals("42"));
        assertThat(jiangsu.rows()).allMatch(r -> r.place().code().equals("32"));
        assertThat(f.reports.cover(HUBEI, null)).isSameAs(hubei);
        assertThat(f.reports.cover(JIANGSU, null)).isSameAs(jiangsu);
        keptEqualFresh();
    }

    @Test
    void aKeptReportIsGivenAgainForAtMostItsAge() {
        CoverReport first = f.reports.cover(ADMIN, null);
        f.advance(Duration.ofMillis(1000));
        assertThat(f.reports.cover(ADMIN, null)).isSameAs(first);
        f.advance(Duration.ofMillis(1));
        CoverReport later = f.reports.cover(ADMIN, null);
        assertThat(later).isNotSameAs(first);
        assertThat(later.generatedAt()).isEqualTo(f.clock.now);
    }

    /**
     * Readers racing receipts: a report read after a receipt's call returned always counts it (the Hubei on-hand is at
     * least the receipts done before the read began), and reports are kept meanwhile (some requests are answered
     * from the kept one). Nothing here asserts that anyone waits: it holds on Derby's locks and PostgreSQL's MVCC.
     */
    @Test
    void aReportReadAfterAWriteReturnedNeverMissesIt() throws Exception {
        long start = CoverTest.row(f.reports.cover(ADMIN, null), "42", "MASK-KN95").onHand();
        AtomicLong done = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 60; i++) {
                        f.receive("HB-WH-01", "MASK-KN95", 1);
                        done.incrementAndGet();
                    }
                } finally {
                    writing.set(false);
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get() || reads < 20) {
                        long before = done.get();
                        CoverReport report = f.reports.cover(ADMIN, null);
                        assertThat(CoverTest.row(report, "42", "MASK-KN95").onHand())
                                .isGreaterThanOrEqualTo(start + before);
                        assertThat(f.reports.stock(ADMIN).byItem().stream()
                                .filter(x -> x.place().code().equals("42") && x.itemCode().equals("MASK-KN95"))
                                .mapToLong(StockReport.StockItemRow::onHand).sum())
                                .isGreaterThanOrEqualTo(start + before);
                        reads++;
                    }
                    return reads;
                }));
            }
            writer.get(2, TimeUnit.MINUTES);
            for (Future<Integer> r : readers) {
                assertThat(r.get(2, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(20);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(CoverTest.row(f.reports.cover(ADMIN, null), "42", "MASK-KN95").onHand()).isEqualTo(start + 60);
        keptEqualFresh();
    }

    @Test
    void atMostTheCapacityIsKept() {
        for (int i = 0; i < ReportsComponent.KEPT_REPORTS + 5; i++) {
            f.reports.cover(ADMIN, 1 + i % 90);
        }
        assertThat(f.reports.keptReports().size()).isEqualTo(ReportsComponent.KEPT_REPORTS);
    }
}
