package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.reporting.internal.ReportingFixture.ADMIN;
import static org.tongpao.reporting.internal.ReportingFixture.HUBEI;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.documents.Documents;
import org.tongpao.donation.DesignationKind;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonorDesignation;
import org.tongpao.donation.DonorKind;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewDonor;
import org.tongpao.donation.NewPledge;
import org.tongpao.donation.NewPledgeLine;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.donation.Priority;
import org.tongpao.donation.internal.DonationSchema;
import org.tongpao.donation.internal.JdbcDonationService;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.DonationReport;
import org.tongpao.reporting.Tabular;
import org.tongpao.reporting.internal.sources.DonationAdapter;

/**
 * Donations in the reports, with the real donation service on the same database: not installed says so; installed,
 * pledged, received, accepted, rejected, passed on and delivered by province × category, in the province's scope,
 * and the day's donations in the daily report as of its cut-off.
 */
class DonationReportTest {
    private static final Caller HUBEI_DESK = Caller.of("hubei-donor-desk", Set.of("donation-officer", "province-42"),
            "req-hd");
    private static final Caller JIANGSU = Caller.of("jiangsu", Set.of("province-officer", "province-32"), "req-js");
    private final ReportingFixture f = new ReportingFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private JdbcDonationService donations() {
        Migrations.migrate(f.ds, DonationSchema.class, DonationSchema.MIGRATIONS, DonationSchema.HISTORY);
        JdbcDonationService s = new JdbcDonationService(SchemaReady.of(DonationSchema.NAME, f.ds), f.core.catalogue,
                f.core.depots, f.core.units, f.core.provinces, f.inventory, Documents.standalone(), f.core.audit,
                f.core.keys, f.core.outbox);
        try { // the service's clock setter is package-private (for its own tests): the reports' clock, by reflection
            java.lang.reflect.Method clock = JdbcDonationService.class.getDeclaredMethod("clock", java.time.Clock.class);
            clock.setAccessible(true);
            clock.invoke(s, f.clock);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    @Test
    void donationsReceivedAcceptedAndPassedOnByProvinceAndCategory() {
        DonationReport absent = f.reports.donations(ADMIN);
        assertThat(absent.donation().installed()).isFalse();
        assertThat(absent.rows()).isEmpty();
        assertThat(f.reports.daily(ADMIN, null).donation().installed()).isFalse();

        JdbcDonationService service = donations();
        f.reports.donation = new DonationAdapter(service);
        Instant before = f.clock.now;
        f.advance(Duration.ofMinutes(1));
        long donor = service.registerDonor(HUBEI_DESK, new NewDonor(DonorKind.ENTERPRISE, "Jointown", null, null,
                false, null), null).id();
        Donation d = service.pledge(HUBEI_DESK, new NewPledge(donor, null, null, new DonorDesignation(
                DesignationKind.PROVINCE, "42", null, null, null), null, List.of(new NewPledgeLine(
                        f.item("MEDICINE-GENERAL"), null, 100L))), null);
        long lot = service.receive(HUBEI_DESK, d.id(), new NewDonationReceipt(f.depot("HB-PROV-01"), null, null, null,
                null, null, List.of(new NewReceiptLine(d.lines().get(0).id(), null, Priority.URGENT, null, true, true,
                        "C-1", java.time.LocalDate.of(2028, 1, 1), true, 80L, 0L, null, null, null))), null)
                .lines().get(0).lotId();
        long medicine = f.item("MEDICINE-GENERAL");
        Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.depot("HB-PROV-01"))
                .toDepotId(f.depot("HB-WH-01")).itemId(medicine).quantity(50L).lotId(lot).sourceDocument("SHIP-1")
                .build(), null);
        f.inventory.receiveTransfer(ADMIN, t.id(), 50, 0, null, null);
        long atWuhan = f.inventory.lots(ADMIN, f.depot("HB-WH-01"), medicine, null, 500, null).items().stream()
                .filter(l -> Long.valueOf(lot).equals(l.parentLotId())).findFirst().orElseThrow().id();
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.depot("HB-WH-01")).itemId(medicine).quantity(20L)
                .lotId(atWuhan).orgUnitId(f.unit("P42-WUHAN-JIANGAN-T01")).build(), null);
        f.advance(Duration.ofMinutes(1));

        DonationReport report = f.reports.donations(ADMIN);
        assertThat(report.donation().installed()).isTrue();
        assertThat(report.rows()).singleElement().satisfies(r -> {
            assertThat(r.place().code()).isEqualTo("42");
            assertThat(r.categoryCode()).isEqualTo("MEDICINE");
            assertThat(List.of(r.pledged(), r.received(), r.accepted(), r.rejected(), r.passedOn(), r.delivered()))
                    .containsExactly(100L, 80L, 80L, 0L, 50L, 20L);
        });
        assertThat(f.reports.donations(HUBEI).rows()).isEqualTo(report.rows());
        assertThat(f.reports.donations(JIANGSU).rows()).isEmpty();
        Tabular.Table table = Exports.table(report, null);
        assertThat(table.name()).isEqualTo("donations");
        assertThat(table.rows()).singleElement().satisfies(row -> assertThat(row).contains("42", "MEDICINE", 50L));

        // the daily report: the day's donations as of its cut-off, and none as of before them
        DailyReport today = f.reports.daily(ADMIN, null);
        assertThat(today.donation().installed()).isTrue();
        assertThat(today.donations()).isEqualTo(report.rows());
        assertThat(f.reports.daily(ADMIN, before).donations()).isEmpty();
        assertThat(Exports.table(today, "donations").rows()).hasSize(1);
    }
}
