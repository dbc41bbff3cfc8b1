package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.reporting.internal.ReportingFixture.ADMIN;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;
import org.tongpao.reporting.CoverReport;
import org.tongpao.reporting.internal.sources.ProcurementSource;

/** Days of cover and the stock-out forecast, from the real ledger's issues and transfers. */
class CoverTest {
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

    static CoverReport.CoverRow row(CoverReport r, String province, String item) {
        return r.rows().stream().filter(x -> x.place().code().equals(province) && x.itemCode().equals(item))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + province + " " + item + ": " + r));
    }

    /** 1,000 KN95 in Wuhan; 500 issued long ago (outside the window); then 10 a day for 7 days. */
    void sevenDaysOfIssues() {
        f.receive("HB-WH-01", "MASK-KN95", 1000);
        f.issue("HB-WH-01", "MASK-KN95", 500, STATION);
        f.advance(Duration.ofDays(30));
        for (int day = 0; day < 7; day++) {
            f.advance(Duration.ofHours(12));
            f.issue("HB-WH-01", "MASK-KN95", 10, STATION);
            f.advance(Duration.ofHours(12));
        }
    }

    @Test
    void daysOfCoverAreOnHandOverTheRecentDailyRateOfIssues() {
        sevenDaysOfIssues();
        CoverReport r = f.reports.cover(ADMIN, null);
        assertThat(r.windowDays()).isEqualTo(7);
        CoverReport.CoverRow hubei = row(r, "42", "MASK-KN95");
        assertThat(hubei.onHand()).isEqualTo(430);
        assertThat(hubei.issuedInWindow()).isEqualTo(70); // the 500 of a month ago are outside the window
        assertThat(hubei.dailyRate()).isEqualTo(10.0);
        assertThat(hubei.daysOfCover()).isEqualTo(43.0);
        assertThat(hubei.stockOutDate()).isEqualTo(LocalDate.ofInstant(f.clock.now.plus(Duration.ofDays(43)),
                ZoneOffset.UTC));
        assertThat(hubei.place().nameZh()).isEqualTo("湖北省");
    }

    @Test
    void aWiderWindowTakesTheRateOverMoreDays() {
        sevenDaysOfIssues();
        CoverReport.CoverRow hubei = row(f.reports.cover(ADMIN, 14), "42", "MASK-KN95");
        assertThat(hubei.issuedInWindow()).isEqualTo(70);
        assertThat(hubei.dailyRate()).isEqualTo(5.0);
        assertThat(hubei.daysOfCover()).isEqualTo(86.0);
        assertThat(row(f.reports.cover(ADMIN, 60), "42", "MASK-KN95").issuedInWindow()).isEqualTo(570);
    }

    @Test
    void goodsInTransitAndOpenOrdersPushTheStockOutDateBack() {
        sevenDaysOfIssues();
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 5000);
        f.send("CENTRAL-RESERVE", "HB-WH-01", "MASK-KN95", 100);

        CoverReport without = f.reports.cover(ADMIN, null);
        CoverReport.CoverRow hubei = row(without, "42", "MASK-KN95");
        assertThat(without.procurement().installed()).isFalse();
        assertThat(hubei.onOrder()).isNull(); // not installed: not counted, and not shown as 0
        assertThat(hubei.inTransit()).isEqualTo(100);
        assertThat(hubei.daysOfCover()).isEqualTo(43.0);
        assertThat(hubei.daysWithIncoming()).isEqualTo(53.0);
        assertThat(hubei.stockOutDate()).isEqualTo(LocalDate.ofInstant(f.clock.now.plus(Duration.ofDays(53)),
                ZoneOffset.UTC));

        long wuhan = f.depot("HB-WH-01");
        long kn95 = f.item("MASK-KN95");
        f.reports.procurement = new ProcurementSource() {
            @Override
            public java.util.List<OnOrder> onOrder(org.tongpao.core.Caller caller) {
                return java.util.List.of(new OnOrder(wuhan, kn95, 200));
            }

            @Override
            public java.util.List<org.tongpao.reporting.FundingReport.FundingOrderRow> totals(
                    org.tongpao.core.Caller c) {
                return java.util.List.of();
            }
        };
        CoverReport with = f.reports.cover(ADMIN, null);
        CoverReport.CoverRow withOrders = row(with, "42", "MASK-KN95");
        assertThat(with.procurement().installed()).isTrue();
        assertThat(withOrders.onOrder()).isEqualTo(200);
        assertThat(withOrders.incoming()).isEqualTo(300);
        assertThat(withOrders.daysWithIncoming()).isEqualTo(73.0);
    }

    /**
     * The cover from the inventory's one read (1.11) is the cover from its three, in every reach, and a write shows in
     * the next report at once: the one read counts the window up to the read, so an issue booked at the report's very
     * instant is in it (the three reads' cut-off leaves it out until the clock moves on).
     */
    @Test
    void oneReadGivesWhatThreeReadsGiveAndEachWriteShowsInTheNextReport() {
        sevenDaysOfIssues();
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 5000);
        ReportsComponent threeReads = f.coverInThreeReads();
        assertSameCover(threeReads);
        CoverReport before = f.reports.cover(ADMIN, null);
        f.send("CENTRAL-RESERVE", "HB-WH-01", "MASK-KN95", 100);
        assertThat(row(f.reports.cover(ADMIN, null), "42", "MASK-KN95").inTransit())
                .isEqualTo(row(before, "42", "MASK-KN95").inTransit() + 100);
        assertSameCover(threeReads);
        f.issue("HB-WH-01", "MASK-KN95", 70, STATION);
        assertThat(row(f.reports.cover(ADMIN, null), "42", "MASK-KN95").issuedInWindow())
                .isEqualTo(row(before, "42", "MASK-KN95").issuedInWindow() + 70);
        assertThat(row(threeReads.cover(ADMIN, null), "42", "MASK-KN95").issuedInWindow())
                .isEqualTo(row(before, "42", "MASK-KN95").issuedInWindow());
        f.advance(Duration.ofMinutes(1));
        assertSameCover(threeReads);
    }

    private void assertSameCover(ReportsComponent threeReads) {
        for (org.tongpao.core.Caller caller : java.util.List.of(ADMIN, ReportingFixture.HUBEI,
                ReportingFixture.AUDITOR)) {
            assertThat(f.reports.cover(caller, null)).as(caller.user()).isEqualTo(threeReads.cover(caller, null));
            assertThat(f.reports.cover(caller, 30)).as(caller.user()).isEqualTo(threeReads.cover(caller, 30));
        }
    }

    @Test
    void aPlaceThatIssuedNothingHasNoForecastRatherThanZero() {
        sevenDaysOfIssues();
        f.receive("JS-PROV-01", "MASK-KN95", 300);
        CoverReport.CoverRow jiangsu = row(f.reports.cover(ADMIN, null), "32", "MASK-KN95");
        assertThat(jiangsu.onHand()).isEqualTo(300);
        assertThat(jiangsu.issuedInWindow()).isZero();
        assertThat(jiangsu.dailyRate()).isNull();
        assertThat(jiangsu.daysOfCover()).isNull();
        assertThat(jiangsu.stockOutDate()).isNull();
    }

    @Test
    void aStockOutBeyondTenYearsHasNoDate() {
        f.receive("JS-PROV-01", "MASK-KN95", 1_000_000);
        f.issue("JS-PROV-01", "MASK-KN95", 1, "P32-NANJING");
        f.advance(Duration.ofMinutes(1));
        CoverReport.CoverRow jiangsu = row(f.reports.cover(ADMIN, 7), "32", "MASK-KN95");
        assertThat(jiangsu.daysWithIncoming()).isEqualTo(999_999 * 7.0);
        assertThat(jiangsu.stockOutDate()).isNull();
    }

    @Test
    void theSoonestStockOutComesFirst() {
        sevenDaysOfIssues();
        f.receive("JS-PROV-01", "MASK-KN95", 30);
        f.issue("JS-PROV-01", "MASK-KN95", 14, "P32-NANJING");
        f.advance(Duration.ofMinutes(1));
        CoverReport r = f.reports.cover(ADMIN, null);
        assertThat(r.rows().get(0).place().code()).isEqualTo("32"); // 16 left at 2 a day: 8 days
        assertThat(r.rows().get(0).daysOfCover()).isEqualTo(8.0);
        assertThat(r.rows().get(1).place().code()).isEqualTo("42");
    }

    @Test
    void aWindowOutsideOneToNinetyDaysIsRefusedNamingIt() {
        assertThatThrownBy(() -> f.reports.cover(ADMIN, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> f.reports.cover(ADMIN, 91)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("window");
    }
}
