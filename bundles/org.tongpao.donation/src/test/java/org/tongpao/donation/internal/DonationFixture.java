package org.tongpao.donation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.tongpao.core.Caller;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.documents.Documents;
import org.tongpao.donation.DesignationKind;
import org.tongpao.donation.Disposition;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationTopics;
import org.tongpao.donation.DonorContact;
import org.tongpao.donation.DonorDesignation;
import org.tongpao.donation.DonorKind;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewDonor;
import org.tongpao.donation.NewPledge;
import org.tongpao.donation.NewPledgeLine;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.donation.Priority;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;

/**
 * A fresh Derby with core (demo data), the real inventory on it, the documents kit's standalone renderer, and the
 * donation service wired by hand as DS would, on a movable clock. Events are captured.
 */
final class DonationFixture implements AutoCloseable {
    static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    static final Caller DESK = Caller.of("donor-desk", Set.of("donation-officer"), "req-desk");
    static final Caller HUBEI_DESK = Caller.of("hubei-donor-desk", Set.of("donation-officer", "province-42"), "req-hd");
    static final Caller JIANGSU_DESK = Caller.of("js-desk", Set.of("donation-officer", "province-32"), "req-jd");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    static final Caller AUDITOR = Caller.of("auditor", Set.of("auditor"), "req-auditor");
    static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");

    /** The REST layer's JSON, near enough: records with java.time values. */
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

    /** Personal data of the test donor: none of it may ever appear in a public answer. */
    static final DonorContact CONTACT = new DonorContact("Zhang Weiming", "+86 138 0000 4242",
            "zhang.weiming@example.cn", "No. 17 Zhongnan Road, Wuchang");

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final MovableClock clock = new MovableClock(Instant.parse("2026-02-03T02:00:00Z").truncatedTo(ChronoUnit.SECONDS));
    final TestCore core;
    final InventoryComponent inventory;
    final JdbcDonationService donations;

    DonationFixture() {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", true));
        inventory = TestInventory.on(core);
        donations = new JdbcDonationService(TestCore.migrate(ds, DonationSchema.NAME, DonationSchema.class,
                DonationSchema.MIGRATIONS, DonationSchema.HISTORY), core.catalogue, core.depots, core.units,
                core.provinces, inventory, Documents.standalone(), core.audit, core.keys, core.outbox);
        donations.clock(clock);
    }

    long item(String code) {
        return core.itemId(code);
    }

    long depot(String code) {
        return core.depotId(code);
    }

    long unit(String code) {
        return core.unitId(code);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DonationContext.ZONE);
    }

    /** An enterprise donor with a contact person, registered by {@code desk}. */
    long enterprise(Caller desk, String name) {
        return donations.registerDonor(desk, new NewDonor(DonorKind.ENTERPRISE, name, null, null, false, CONTACT),
                null).id();
    }

    /** Hubei's desk registers enterprise donor {@code name} and records its pledge of 100 medicines for Hubei. */
    Donation hubeiMedicinesPledge(String name) {
        return donations.pledge(HUBEI_DESK, medicines(enterprise(HUBEI_DESK, name), 100, forHubei()), null);
    }

    static DonorDesignation forHubei() {
        return new DonorDesignation(DesignationKind.PROVINCE, "42", null, null, null);
    }

    /** A pledge of {@code quantity} medicines (and 500 medical protective masks) designated as given. */
    NewPledge medicines(long donorId, long quantity, DonorDesignation designation) {
        return new NewPledge(donorId, null, today().plusDays(2), designation, "for the Hubei police",
                List.of(new NewPledgeLine(item("MEDICINE-GENERAL"), null, quantity),
                        new NewPledgeLine(null, "N95 masks, 3M 1860", 500L)));
    }

    /** A line accepting {@code accepted} of pledged line {@code lineId} with all checks passed. */
    NewReceiptLine accept(long lineId, Long itemId, long accepted) {
        return new NewReceiptLine(lineId, itemId, Priority.URGENT, "GB 19083-2010", true, true, "CERT-" + lineId,
                today().plusYears(2), true, accepted, 0L, null, null, null);
    }

    /** Goods that were not pledged, all accepted. */
    NewReceiptLine unpledged(long itemId, long accepted) {
        return new NewReceiptLine(null, itemId, Priority.NON_URGENT, null, true, true, "CERT-U", today().plusYears(2),
                true, accepted, 0L, null, null, null);
    }

    static NewReceiptLine withoutExpiry(NewReceiptLine l) {
        return new NewReceiptLine(l.donationLineId(), l.itemId(), l.priority(), l.standard(), l.standardMatched(),
                l.certificatePresent(), l.certificateNumber(), null, l.packagingIntact(), l.acceptedQuantity(),
                l.rejectedQuantity(), l.rejectReason(), l.disposition(), l.dispositionNote());
    }

    /** A line rejecting {@code rejected} for a missing certificate (returned to the donor). */
    NewReceiptLine noCertificate(long lineId, Long itemId, long rejected) {
        return new NewReceiptLine(lineId, itemId, Priority.URGENT, null, true, false, null, today().plusYears(2),
                true, 0L, rejected, "certificate missing", Disposition.RETURNED_TO_DONOR, null);
    }

    NewDonationReceipt delivery(String depotCode, NewReceiptLine... lines) {
        return new NewDonationReceipt(depot(depotCode), today(), "DN-1", null, null, null, List.of(lines));
    }

    /** What follows {@code org/tongpao/donation/} in each posted donation event's topic, in order. */
    List<String> topics() {
        return core.outbox.events(DonationTopics.PREFIX).stream()
                .map(Event::getTopic).map(t -> t.substring(DonationTopics.PREFIX.length())).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
