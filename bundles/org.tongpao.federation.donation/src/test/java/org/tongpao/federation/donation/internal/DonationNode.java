package org.tongpao.federation.donation.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.tongpao.core.Caller;
import org.tongpao.core.testing.TestCore;
import org.tongpao.documents.Documents;
import org.tongpao.donation.DesignationKind;
import org.tongpao.donation.Disposition;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationTopics;
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
import org.tongpao.federation.Message;
import org.tongpao.federation.testing.FederatedNode;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;

/**
 * One node with the inventory and the donation service on it, the donation forwarder recording what it sends, and
 * the Hubei desk's usual steps (a donor, a pledge, a receipt into HB-WH-01).
 */
final class DonationNode extends FederatedNode {
    static final Caller HUBEI_DESK = Caller.of("hubei-desk", Set.of("donation-officer", "province-42"), "hd");
    static final Caller HUBEI_LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"),
            "fed-42");
    final JdbcDonationService donations;

    DonationNode(String id, List<String> provinces) {
        super(id, provinces);
        InventoryComponent inventory = TestInventory.on(core);
        donations = new JdbcDonationService(TestCore.migrate(core.ds, DonationSchema.NAME, DonationSchema.class,
                DonationSchema.MIGRATIONS, DonationSchema.HISTORY), core.catalogue, core.depots, core.units,
                core.provinces, inventory, Documents.standalone(), core.audit, core.keys, core.outbox);
        core.outbox.forward(new DonationForwarder(federation, core.node, donations), DonationTopics.PLEDGED,
                DonationTopics.RECEIPT_RECORDED, DonationTopics.CANCELLED, DonationTopics.DONOR_ERASED);
    }

    long item(String code) {
        return core.itemId(code);
    }

    long depot(String code) {
        return core.depotId(code);
    }

    List<Message> sent() {
        return federation.sent;
    }

    long donor(String name, boolean anonymous) {
        return donations.registerDonor(HUBEI_DESK, new NewDonor(DonorKind.ENTERPRISE, name, null, null, anonymous,
                null), null).id();
    }

    Donation pledge(long donor) {
        return donations.pledge(HUBEI_DESK, new NewPledge(donor, null, LocalDate.now().plusDays(2),
                new DonorDesignation(DesignationKind.PROVINCE, "42", null, null, null), "for the Hubei police",
                List.of(new NewPledgeLine(item("MEDICINE-GENERAL"), null, 1000L),
                        new NewPledgeLine(item("MASK-KN95"), null, 500L))), null);
    }

    DonationReceipt receive(long donationId, NewReceiptLine... lines) {
        return donations.receive(HUBEI_DESK, donationId, new NewDonationReceipt(depot("HB-WH-01"), LocalDate.now(),
                "DN-1", null, null, null, List.of(lines)), null);
    }

    static NewReceiptLine accept(long lineId, long quantity) {
        return new NewReceiptLine(lineId, null, Priority.URGENT, "GB 19083-2010", true, true, "CERT-" + lineId,
                LocalDate.now().plusYears(2), true, quantity, 0L, null, null, null);
    }

    static NewReceiptLine rejectNoCertificate(long lineId, long quantity) {
        return new NewReceiptLine(lineId, null, Priority.URGENT, null, true, false, null, LocalDate.now().plusYears(2),
                true, 0L, quantity, "certificate missing", Disposition.RETURNED_TO_DONOR, null);
    }
}
