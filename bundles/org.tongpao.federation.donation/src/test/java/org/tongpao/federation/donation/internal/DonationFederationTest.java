package org.tongpao.federation.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.donation.DesignationKind;
import org.tongpao.donation.DisclosureEntry;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationFilter;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationStatus;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewPledge;
import org.tongpao.donation.NewPledgeLine;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.federation.Message;
import org.tongpao.federation.testing.FederatedNode;

/**
 * A province's donations reach central, between two real databases with the real inventory and donation service on
 * each; Hubei's forwarder records what it sends, central's handler applies it as the inbox would (inside
 * {@code Transactions.enclosing}, as Hubei's link), every message passing through JSON as on the wire.
 */
class DonationFederationTest implements TestCallers {
    private static final Caller HUBEI_DESK = DonationNode.HUBEI_DESK;
    private static final Caller HUBEI_LINK = DonationNode.HUBEI_LINK;

    private final DonationNode central = new DonationNode("central", List.of("province:42", "province:32"));
    private final DonationNode hubei = new DonationNode("province:42", List.of());
    private final DonationChangedHandler handler = new DonationChangedHandler(central.donations);

    @AfterEach
    void close() {
        central.close();
        hubei.close();
    }

    private long donor(String name, boolean anonymous) {
        return hubei.donor(name, anonymous);
    }

    private Donation pledge(long donor) {
        return hubei.pledge(donor);
    }

    private NewReceiptLine accept(long lineId, long quantity) {
        return DonationNode.accept(lineId, quantity);
    }

    private NewReceiptLine rejectNoCertificate(long lineId, long quantity) {
        return DonationNode.rejectNoCertificate(lineId, quantity);
    }

    private DonationReceipt receive(long donationId, NewReceiptLine... lines) {
        return hubei.receive(donationId, lines);
    }

    private static Message wire(Message m) throws Exception {
        return FederatedNode.overTheWire(m);
    }

    private void deliver(Message m) throws Exception {
        central.apply(handler, wire(m), HUBEI_LINK);
    }

    private Donation centralCopy() {
        List<Donation> all = central.donations.donations(ADMIN, new DonationFilter(null, null, null), 10, null).items();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void aProvincesDonationWithItsReceiptsReachesCentralAsAReadOnlyCopy() throws Exception {
        Donation pledged = pledge(donor("Wuhan Pharma Co.", false));
        long medicines = pledged.lines().get(0).id();
        long masks = pledged.lines().get(1).id();
        DonationReceipt first = receive(pledged.id(), accept(medicines, 600), rejectNoCertificate(masks, 20));
        receive(pledged.id(), accept(medicines, 400), accept(masks, 400));
        List<Message> up = hubei.sent();
        // one snapshot per change (pledge, two receipts); the status events they cause travel inside them
        assertThat(up).extracting(Message::type).containsExactly("donation.changed", "donation.changed",
                "donation.changed");
        assertThat(up).allSatisfy(m -> assertThat(m.to()).isEqualTo("central"));
        assertThat(up.get(2).body()).containsEntry("number", pledged.number()).containsEntry("provinceCode", "42")
                .doesNotContainKeys("donorCode", "contact");

        for (Message m : up) {
            deliver(m);
        }
        Donation copy = centralCopy();
        assertThat(copy.source()).isEqualTo("province:42/" + pledged.id());
        assertThat(copy.asOf()).isNotNull();
        assertThat(copy.number()).isEqualTo("province:42/" + pledged.number());
        assertThat(copy.status()).isEqualTo(DonationStatus.PARTLY_RECEIVED); // 80 masks still to come
        assertThat(copy.donorLabel()).isEqualTo("Wuhan Pharma Co.");
        assertThat(copy.designation().kind()).isEqualTo(DesignationKind.PROVINCE);
        assertThat(copy.lines()).extracting(l -> l.itemCode(), l -> l.acceptedQuantity(), l -> l.rejectedQuantity())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MEDICINE-GENERAL", 1000L, 0L),
                        org.assertj.core.groups.Tuple.tuple("MASK-KN95", 400L, 20L));
        List<DonationReceipt> receipts = central.donations.receipts(ADMIN, copy.id());
        assertThat(receipts).extracting(DonationReceipt::acknowledgementNumber).containsExactly(
                "province:42/" + first.acknowledgementNumber(), "province:42/JZQR-000002");
        assertThat(receipts.get(0).lines()).extracting(l -> l.rejectReason()).containsExactly(null,
                "certificate missing");
        assertThat(receipts.get(0).depotCode()).isEqualTo("HB-WH-01");
        // the province officer at central sees its province's copy; the public disclosure lists it
        assertThat(central.donations.donation(HUBEI, copy.id()).source()).isEqualTo(copy.source());
        assertThat(central.donations.disclosure(10, null).items()).extracting(DisclosureEntry::number)
                .containsExactly(copy.number());

        // a redelivery and an older copy arriving late change nothing
        deliver(up.get(2));
        deliver(up.get(0));
        Donation after = centralCopy();
        assertThat(after.status()).isEqualTo(DonationStatus.PARTLY_RECEIVED);
        assertThat(after.lines()).extracting(l -> l.acceptedQuantity()).containsExactly(1000L, 400L);
        assertThat(central.donations.receipts(ADMIN, copy.id())).hasSize(2);

        // central does not write the copy: 409 naming the node that keeps it
        assertThatThrownBy(() -> central.donations.cancel(ADMIN, copy.id(), "no longer needed", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("province:42");
        assertThatThrownBy(() -> central.donations.receive(ADMIN, copy.id(), new NewDonationReceipt(
                central.depot("HB-WH-01"), LocalDate.now(), null, null, null, null,
                List.of(accept(after.lines().get(1).id(), 20))), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("province:42");
        assertThatThrownBy(() -> central.donations.pledge(ADMIN, new NewPledge(copy.donorId(), "42", null, null, null,
                List.of(new NewPledgeLine(central.item("MASK-KN95"), null, 5L))), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("province:42");

        // the province cancels what is outstanding: the copy follows
        hubei.donations.cancel(HUBEI_DESK, pledged.id(), "the rest will not come", null);
        deliver(up.get(up.size() - 1));
        assertThat(centralCopy().status()).isEqualTo(DonationStatus.CANCELLED);
        assertThat(centralCopy().cancelReason()).isEqualTo("the rest will not come");
    }

    @Test
    void anAnonymousDonorsNameStaysAtTheProvinceAndAnErasureReachesTheCopy() throws Exception {
        pledge(donor("Secret Benefactor Ltd.", true));
        Donation named = pledge(donor("Li Hua", false));
        hubei.sent().forEach(this::deliverUnchecked);
        assertThat(hubei.sent()).noneSatisfy(m -> assertThat(m.body().toString()).contains("Secret Benefactor"));

        hubei.donations.eraseDonor(HUBEI_DESK, named.donorId(), "asked to be forgotten", null);
        Message erased = hubei.sent().get(hubei.sent().size() - 1);
        assertThat(erased.body()).containsEntry("id", named.id());
        deliver(erased);
        assertThat(central.donations.donations(ADMIN, null, 10, null).items()).extracting(Donation::donorLabel)
                .containsOnly("匿名捐赠人 Anonymous donor");
    }

    private void deliverUnchecked(Message m) {
        try {
            deliver(m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aProvinceCannotReportAnotherProvincesDonationOrDepot() throws Exception {
        Donation pledged = pledge(donor("Wuhan Pharma Co.", false));
        receive(pledged.id(), accept(pledged.lines().get(0).id(), 10));
        Message real = hubei.sent().get(1);

        Map<String, Object> otherProvince = new HashMap<>(wire(real).body());
        otherProvince.put("provinceCode", "32");
        assertThatThrownBy(() -> central.apply(handler, copy(real, otherProvince), HUBEI_LINK))
                .isInstanceOf(AccessDeniedException.class);

        Map<String, Object> otherDepot = new HashMap<>(wire(real).body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> receipts = (List<Map<String, Object>>) otherDepot.get("receipts");
        Map<String, Object> receipt = new HashMap<>(receipts.get(0));
        receipt.put("depotCode", "JS-PROV-01");
        otherDepot.put("receipts", List.of(receipt));
        assertThatThrownBy(() -> central.apply(handler, copy(real, otherDepot), HUBEI_LINK))
                .isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);

        // Jiangsu's link may not carry Hubei's donation either
        Caller jiangsuLink = Caller.of("node:province:32", Set.of("province-officer", "province-32"), "fed-32");
        assertThatThrownBy(() -> central.apply(handler, wire(real), jiangsuLink))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(central.donations.donations(ADMIN, null, 10, null).items()).isEmpty();

        // a newer minor version with fields 1.0 does not know is applied, the fields ignored
        Map<String, Object> newer = new HashMap<>(wire(real).body());
        newer.put("certifiedBy", "a field of 1.1");
        central.apply(handler, new Message(real.id(), real.type(), "1.1", real.from(), real.to(), real.occurredAt(),
                newer), HUBEI_LINK);
        assertThat(centralCopy().lines().get(0).acceptedQuantity()).isEqualTo(10);
    }

    private static Message copy(Message m, Map<String, Object> body) {
        return new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(), body);
    }
}
