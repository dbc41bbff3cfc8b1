package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tongpao.reporting.internal.ReportingFixture.ADMIN;
import static org.tongpao.reporting.internal.ReportingFixture.AUDITOR;
import static org.tongpao.reporting.internal.ReportingFixture.HUBEI;
import static org.tongpao.reporting.internal.ReportingFixture.KEEPER;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ValidationException;
import org.tongpao.reporting.ExpiringReport;
import org.tongpao.reporting.ExpiringReport.ExpiringRow;
import org.tongpao.reporting.Reports;
import org.tongpao.reporting.Tabular;

/** "What expires within N days, where, how much": cut-off, scope, order and validation. */
class ExpiringReportTest {
    /** The fixture's clock: 2026-02-03T02:00Z. */
    static final LocalDate TODAY = LocalDate.of(2026, 2, 3);
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
    void theLastDayIsTodayPlusDaysAndTheDayAfterIsLeftOut() {
        f.receive("HB-WH-01", "MASK-KN95", 10, TODAY.plusDays(30));
        f.receive("HB-WH-01", "MASK-KN95", 7, TODAY.plusDays(31));
        f.receive("HB-PROV-01", "MASK-KN95", 3, TODAY.plusDays(5));
        f.receive("HB-WH-01", "MASK-KN95", 80, TODAY.plusYears(2));

        ExpiringReport r = f.reports.expiring(ADMIN, null);
        assertThat(r.days()).isEqualTo(30);
        assertThat(r.lastDay()).isEqualTo(TODAY.plusDays(30));
        assertThat(r.rows()).singleElement().satisfies(x -> {
            assertThat(x.place().code()).isEqualTo("42");
            assertThat(x.itemCode()).isEqualTo("MASK-KN95");
            assertThat(x.earliestExpiry()).isEqualTo(TODAY.plusDays(5));
            assertThat(x.daysLeft()).isEqualTo(5);
            assertThat(x.expiring()).isEqualTo(13); // both depots, up to day 30; the 7 of day 31 are left out
            assertThat(x.onHand()).isEqualTo(100);
            assertThat(x.shareOfOnHand()).isEqualTo(0.13);
        });
        assertThat(f.reports.expiring(ADMIN, 31).rows()).singleElement()
                .extracting(ExpiringRow::expiring).isEqualTo(20L);
        assertThat(f.reports.expiring(ADMIN, 4).rows()).isEmpty();
    }

    @Test
    void expiredStockNotWrittenOffComesFirstWithNegativeDaysLeft() {
        f.receive("JS-PROV-01", "MASK-KN95", 4, TODAY.plusDays(2));
        f.receive("HB-WH-01", "MASK-KN95", 6, TODAY.plusDays(20));
        f.advance(Duration.ofDays(5));

        assertThat(f.reports.expiring(ADMIN, 30).rows()).extracting(x -> x.place().code(), ExpiringRow::daysLeft,
                ExpiringRow::expiring).containsExactly(tuple("32", -3L, 4L), tuple("42", 15L, 6L));
    }

    @Test
    void soonestFirstThenTheCentralReserveThenProvinceAndItemCodes() {
        LocalDate day = TODAY.plusDays(10);
        f.receive("JS-PROV-01", "MASK-KN95", 1, day);
        f.receive("HB-WH-01", "MASK-MEDPROT", 1, day);
        f.receive("HB-WH-01", "MASK-KN95", 1, day);
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 1, day);
        f.receive("CENTRAL-RESERVE", "MASK-MEDPROT", 1, TODAY.plusDays(3));

        assertThat(f.reports.expiring(AUDITOR, 30).rows()).extracting(x -> x.place().code(), ExpiringRow::itemCode)
                .containsExactly(tuple("CENTRAL", "MASK-MEDPROT"), tuple("CENTRAL", "MASK-KN95"),
                        tuple("32", "MASK-KN95"), tuple("42", "MASK-KN95"), tuple("42", "MASK-MEDPROT"));
    }

    @Test
    void aProvinceOfficerSeesItsProvinceOnlyAndADepotKeeperNoReport() {
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 9, TODAY.plusDays(1));
        f.receive("JS-PROV-01", "MASK-KN95", 8, TODAY.plusDays(1));
        f.receive("HB-WH-01", "MASK-KN95", 7, TODAY.plusDays(1));

        ExpiringReport r = f.reports.expiring(HUBEI, 30);
        assertThat(r.scope()).isEqualTo("42");
        assertThat(r.rows()).extracting(x -> x.place().code(), ExpiringRow::expiring)
                .containsExactly(tuple("42", 7L));
        assertThat(f.reports.expiring(ADMIN, 30).rows()).hasSize(3);
        assertThatThrownBy(() -> f.reports.expiring(KEEPER, 30)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void daysMustBeFromOneToTenYears() {
        for (int bad : new int[] {0, -1, 3651}) {
            assertThatThrownBy(() -> f.reports.expiring(ADMIN, bad)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("days"));
        }
        assertThat(f.reports.expiring(ADMIN, 1).rows()).isEmpty();
        assertThat(f.reports.expiring(ADMIN, 3650).lastDay()).isEqualTo(TODAY.plusDays(3650));
    }

    @Test
    void theTableHoldsTheRowsAndTheConsoleNameReachesIt() {
        f.receive("HB-WH-01", "MASK-KN95", 5, TODAY.plusDays(12));
        Tabular t = f.reports.report(ADMIN, Reports.Name.EXPIRING, 12, null);
        Tabular.Table table = t.tables().get(0);
        assertThat(table.name()).isEqualTo("expiring");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row).hasSize(table.columns().size());
            assertThat(row.get(table.columns().indexOf("earliest_expiry"))).isEqualTo(TODAY.plusDays(12));
            assertThat(row.get(table.columns().indexOf("days_left"))).isEqualTo(12L);
            assertThat(row.get(table.columns().indexOf("share_of_on_hand"))).isEqualTo(1.0);
        });
        assertThat(((ExpiringReport) f.reports.report(ADMIN, Reports.Name.EXPIRING, 11, null)).rows()).isEmpty();
    }
}
