package org.tongpao.federation.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.federation.donation.internal.DonationNode.accept;
import static org.tongpao.federation.donation.internal.DonationNode.rejectNoCertificate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationFilter;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationStatus;
import org.tongpao.federation.Message;
import org.tongpao.federation.RebuildContribution;
import org.tongpao.federation.testing.FederatedNode;
import org.tongpao.federation.testing.RebuildPull;

/**
 * The rebuild's {@code donations} section: a Hubei node that lost its disk gets its donations back from central's
 * copies — under their ids, numbers and acknowledgement numbers, donors under theirs — a page at a time, each page
 * applied once even when a run fails and resumes; and its next donation is numbered above every restored one, so
 * its copy at central is a new one rather than an overwrite of an old donation's.
 */
class DonationsRebuildTest implements TestCallers {
    private static final Caller CENTRAL_LINK = Caller.of("node:central", Set.of("ministry-admin"), "rebuild-1");
    private final DonationNode central = new DonationNode("central", List.of("province:42", "province:32"));
    private final DonationNode lost = new DonationNode("province:42", List.of());
    private final DonationNode rebuilt = new DonationNode("province:42", List.of());
    private final DonationChangedHandler replicate = new DonationChangedHandler(central.donations);

    @AfterEach
    void close() {
        central.close();
        lost.close();
        rebuilt.close();
    }

    /** Hubei's history before its disk was lost: a cancelled pledge, a pledge partly received, goods unpledged. */
    private List<Donation> history() {
        Donation cancelled = lost.pledge(lost.donor("Anonymous well-wisher", true));
        lost.donations.cancel(DonationNode.HUBEI_DESK, cancelled.id(), "donor withdrew", null);
        long pharma = lost.donor("Wuhan Pharma Co.", false);
        Donation partly = lost.pledge(pharma);
        lost.receive(partly.id(), accept(partly.lines().get(0).id(), 600),
                rejectNoCertificate(partly.lines().get(1).id(), 20));
        lost.receive(partly.id(), accept(partly.lines().get(1).id(), 100));
        Donation another = lost.pledge(pharma);
        lost.receive(another.id(), accept(another.lines().get(0).id(), 1000), accept(another.lines().get(1).id(), 500));
        return List.of(get(lost, cancelled.id()), get(lost, partly.id()), get(lost, another.id()));
    }

    private void upToCentral(DonationNode node) throws Exception {
        for (Message m : node.sent()) {
            central.apply(replicate, FederatedNode.overTheWire(m), DonationNode.HUBEI_LINK);
        }
        node.sent().clear();
    }

    private static Donation get(DonationNode node, long id) {
        return node.donations.donation(ADMIN, id);
    }

    private List<Donation> centralCopies() {
        return central.donations.donations(ADMIN, new DonationFilter(null, null, null), 50, null).items();
    }

    @Test
    void aRebuiltProvinceGetsItsDonationsBackUnderTheirIdsAndNumbers() throws Exception {
        List<Donation> before = history();
        upToCentral(lost);
        DonationsRebuild atCentral = new DonationsRebuild(central.donations);
        long hubei = Transactions.read(central.core.ds, c -> atCentral.count(c, "42"));
        long jiangsu = Transactions.read(central.core.ds, c -> atCentral.count(c, "32"));
        assertThat(hubei).isEqualTo(3);
        assertThat(jiangsu).isZero();

        int pages = RebuildPull.section(central, atCentral, "42", rebuilt, new DonationsRebuild(rebuilt.donations),
                CENTRAL_LINK, 2);

        assertThat(pages).isEqualTo(2);
        for (Donation was : before) {
            Donation is = get(rebuilt, was.id());
            assertThat(is.source()).as("the province's own donation again").isNull();
            assertThat(is).extracting(Donation::number, Donation::donorId, Donation::status, Donation::provinceCode,
                    Donation::createdAt).containsExactly(was.number(), was.donorId(), was.status(),
                    was.provinceCode(), was.createdAt());
            assertThat(is.lines()).extracting(l -> l.itemCode(), l -> l.pledgedQuantity(), l -> l.acceptedQuantity(),
                    l -> l.rejectedQuantity()).containsExactlyElementsOf(was.lines().stream().map(l ->
                    org.assertj.core.groups.Tuple.tuple(l.itemCode(), l.pledgedQuantity(), l.acceptedQuantity(),
                            l.rejectedQuantity())).toList());
            List<DonationReceipt> wasReceipts = lost.donations.receipts(ADMIN, was.id());
            List<DonationReceipt> isReceipts = rebuilt.donations.receipts(ADMIN, was.id());
            assertThat(isReceipts).extracting(DonationReceipt::acknowledgementNumber).containsExactlyElementsOf(
                    wasReceipts.stream().map(DonationReceipt::acknowledgementNumber).toList());
            assertThat(isReceipts.stream().flatMap(r -> r.lines().stream()).map(l -> l.lotId()).toList())
                    .as("the receipt lines name the node's own lots again (restored by the lots section)")
                    .isEqualTo(wasReceipts.stream().flatMap(r -> r.lines().stream()).map(l -> l.lotId()).toList());
        }
        assertThat(get(rebuilt, before.get(0).id()).status()).isEqualTo(DonationStatus.CANCELLED);
        // a named donor comes back by name; an anonymous donor's name never left the node: its label comes back
        assertThat(get(rebuilt, before.get(1).id()).donorLabel()).isEqualTo("Wuhan Pharma Co.");
        assertThat(get(rebuilt, before.get(0).id()).donorLabel()).isNotEqualTo("Anonymous well-wisher")
                .isEqualTo(centralCopies().stream().filter(d -> d.source().equals("province:42/"
                        + before.get(0).id())).findFirst().orElseThrow().donorLabel());
        assertThat(rebuilt.sent()).as("restoring changes nothing to report").isEmpty();
    }

    @Test
    void aNewDonationAfterTheRebuildIsNumberedAboveTheRestoredOnesAndLeavesTheirCopiesAtCentralAlone()
            throws Exception {
        List<Donation> before = history();
        upToCentral(lost);
        List<Donation> copiesBefore = centralCopies();
        RebuildPull.section(central, new DonationsRebuild(central.donations), "42", rebuilt,
                new DonationsRebuild(rebuilt.donations), CENTRAL_LINK, 500);

        Donation fresh = rebuilt.pledge(rebuilt.donor("Hankou Textiles", false));
        DonationReceipt receipt = rebuilt.receive(fresh.id(), accept(fresh.lines().get(0).id(), 10));
        long highest = before.stream().mapToLong(Donation::id).max().orElseThrow();
        assertThat(fresh.id()).isGreaterThan(highest);
        assertThat(fresh.donorId()).isGreaterThan(before.stream().mapToLong(Donation::donorId).max().orElseThrow());
        assertThat(fresh.number()).isEqualTo("JZ-000004");
        assertThat(receipt.acknowledgementNumber()).isEqualTo("JZQR-000004");
        upToCentral(rebuilt);

        List<Donation> copiesAfter = centralCopies();
        assertThat(copiesAfter).hasSize(4);
        assertThat(copiesAfter).filteredOn(d -> !d.source().equals("province:42/" + fresh.id()))
                .as("the old donations' copies at central are untouched")
                .extracting(Donation::source, Donation::number, Donation::status, Donation::asOf)
                .containsExactlyInAnyOrderElementsOf(copiesBefore.stream().map(d -> org.assertj.core.groups.Tuple
                        .tuple(d.source(), d.number(), d.status(), d.asOf())).toList());

        // a restored donation changed after the rebuild updates its own copy at central
        Donation partly = before.get(1);
        rebuilt.receive(partly.id(), accept(partly.lines().get(1).id(), 380));
        upToCentral(rebuilt);
        assertThat(centralCopies()).filteredOn(d -> d.source().equals("province:42/" + partly.id())).singleElement()
                .satisfies(d -> assertThat(d.lines()).extracting(l -> l.acceptedQuantity()).containsExactly(600L,
                        480L));
    }

    @Test
    void aPageThatFailsLeavesNothingAndTheResumedRunAppliesEachDonationOnce() throws Exception {
        List<Donation> before = history();
        upToCentral(lost);
        DonationsRebuild atCentral = new DonationsRebuild(central.donations);
        DonationsRebuild atProvince = new DonationsRebuild(rebuilt.donations);
        RebuildContribution.Rows first = RebuildPull.page(central, atCentral, "42", null, 2);
        assertThat(first.rows()).hasSize(2);

        // the page's second donation names a line its receipt does not have: the page fails after storing the first
        List<Map<String, Object>> broken = new ArrayList<>(first.rows());
        broken.set(1, withReceiptLineNo(first.rows().get(1), 99));
        assertThatThrownBy(() -> RebuildPull.apply(rebuilt, atProvince, CENTRAL_LINK, broken))
                .isInstanceOf(ValidationException.class);
        assertThat(rebuilt.donations.donations(ADMIN, new DonationFilter(null, null, null), 50, null).items())
                .as("the failed page rolled back whole").isEmpty();

        // resumed at that page, then the page again (a run stopped before its cursor was stored)
        RebuildPull.apply(rebuilt, atProvince, CENTRAL_LINK, first.rows());
        RebuildPull.apply(rebuilt, atProvince, CENTRAL_LINK, first.rows());
        RebuildContribution.Rows second = RebuildPull.page(central, atCentral, "42", first.nextKey(), 2);
        RebuildPull.apply(rebuilt, atProvince, CENTRAL_LINK, second.rows());
        assertThat(second.nextKey()).isNull();

        assertThat(rebuilt.donations.donations(ADMIN, new DonationFilter(null, null, null), 50, null).items())
                .extracting(Donation::id).containsExactlyInAnyOrderElementsOf(before.stream().map(Donation::id)
                        .toList());
        assertThat(rebuilt.donations.receipts(ADMIN, before.get(1).id())).hasSize(2);
        assertThat(rebuilt.donations.donors(ADMIN, 50, null).items()).hasSize(2);
        assertThatThrownBy(() -> RebuildPull.page(central, atCentral, "42", "not-a-cursor", 2))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nextCursor");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withReceiptLineNo(Map<String, Object> row, int lineNo) {
        Map<String, Object> copy = new HashMap<>(row);
        List<Map<String, Object>> receipts = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) row.get("receipts")) {
            Map<String, Object> receipt = new HashMap<>(r);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Map<String, Object> l : (List<Map<String, Object>>) r.get("lines")) {
                Map<String, Object> line = new HashMap<>(l);
                line.put("lineNo", lineNo);
                lines.add(line);
            }
            receipt.put("lines", lines);
            receipts.add(receipt);
        }
        copy.put("receipts", receipts);
        return copy;
    }
}
