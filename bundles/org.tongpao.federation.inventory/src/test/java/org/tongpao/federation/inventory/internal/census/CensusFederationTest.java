package org.tongpao.federation.inventory.internal.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.Message;
import org.tongpao.federation.testing.FederatedNode;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewCensus;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;

/**
 * The census answered by the installs: opened at central, sent down, opened at Hubei's node, answered there from
 * its own balances, sent up and recorded at central as Hubei's answer, with its age. Two real databases, the
 * inventory on each, a recording {@code Federation} per node; handlers run inside {@code Transactions.enclosing}.
 */
class CensusFederationTest implements TestCallers {
    private static final Caller CENTRAL_LINK = Caller.of("node:central", Set.of("ministry-admin"), "fed-central");
    private static final Caller HUBEI_LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"),
            "fed-42");
    private final Node central = new Node("central", List.of("province:42", "province:32"));
    private final Node hubei = new Node("province:42", List.of());

    /** One node with the inventory on it, the census forwarder recording what it sends. */
    private static final class Node extends FederatedNode {
        final InventoryComponent inventory;

        Node(String id, List<String> provinces) {
            super(id, provinces);
            inventory = TestInventory.on(core);
            core.outbox.forward(new CensusForwarder(federation), InventoryTopics.CENSUS_OPENED,
                    InventoryTopics.CENSUS_SUBMITTED);
        }
    }

    @AfterEach
    void close() {
        central.close();
        hubei.close();
    }

    @Test
    void aCensusOpenedAtCentralIsAnsweredByHubeisInstallAndShownWithItsAge() {
        Census opened = central.inventory.open(ADMIN, new NewCensus("Mask reserves", List.of("MASK"),
                Instant.now().plus(Duration.ofDays(2))), null);
        assertThat(central.federation.sent).extracting(Message::to).containsExactly("province:42", "province:32");
        Message down = central.federation.sent.get(0);
        assertThat(down.type()).isEqualTo("census.opened");
        assertThat(down.body()).containsEntry("census", "central/" + opened.id()).containsEntry("categories",
                List.of("MASK"));

        CensusOpenedHandler opener = new CensusOpenedHandler(hubei.inventory);
        hubei.apply(opener, down, CENTRAL_LINK);
        hubei.apply(opener, down, CENTRAL_LINK);
        List<Census> there = hubei.inventory.list(ADMIN, 10, null).items();
        assertThat(there).hasSize(1);
        assertThat(there.get(0).source()).isEqualTo("central/" + opened.id());
        assertThat(hubei.federation.sent).isEmpty();

        long depot = hubei.core.depots.getByCode(ADMIN, "HB-WH-01").id();
        long item = hubei.core.catalogue.getByCode(ADMIN, "MASK-KN95").id();
        hubei.inventory.receive(ADMIN, NewReceipt.builder().depotId(depot).itemId(item).quantity(700L)
                .origin(LotOrigin.PURCHASE_ORDER).sourceDocument("PO-1").expiryDate(java.time.LocalDate.now().plusYears(2))
                .build(), null);
        hubei.inventory.submit(HUBEI, there.get(0).id(), null, new CensusSubmission(List.of(
                new CensusSubmission.Declared("MASK", 50L, "hospitals"))), null);
        assertThat(hubei.federation.sent).hasSize(1);
        Message up = hubei.federation.sent.get(0);
        assertThat(up.type()).isEqualTo("census.submission");
        assertThat(up.to()).isEqualTo("central");
        assertThat(up.body()).containsEntry("census", "central/" + opened.id()).containsEntry("provinceCode", "42")
                .containsEntry("system", Map.of("MASK", 700L));

        CensusSubmissionHandler recorder = new CensusSubmissionHandler(central.inventory);
        Message arrived = asJson(up);
        central.apply(recorder, arrived, HUBEI_LINK);
        central.apply(recorder, arrived, HUBEI_LINK);
        Census view = central.inventory.get(ADMIN, opened.id());
        Census.ProvinceReport report = view.provinces().stream().filter(p -> p.provinceCode().equals("42"))
                .findFirst().orElseThrow();
        assertThat(report.status()).isEqualTo("REPORTED");
        assertThat(report.node()).isEqualTo("province:42");
        assertThat(report.submittedAt()).isEqualTo(up.occurredAt());
        assertThat(report.submittedBy()).isEqualTo("hubei");
        assertThat(report.ageSeconds()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(view.totals()).containsExactly(new Census.Total("42", "MASK", 700, 50));
        // what central recorded from a province is not sent back
        assertThat(central.federation.sent).hasSize(2);

        // newer wins: a second answer, then the first once more (parked and retried, or its id forgotten past the
        // inbox's retention): the census keeps showing the second
        hubei.inventory.submit(HUBEI, there.get(0).id(), null, new CensusSubmission(List.of(
                new CensusSubmission.Declared("MASK", 80L, "hospitals and shelters"))), null);
        central.apply(recorder, asJson(hubei.federation.sent.get(1)), HUBEI_LINK);
        central.apply(recorder, arrived, HUBEI_LINK);
        assertThat(central.inventory.get(ADMIN, opened.id()).totals()).containsExactly(new Census.Total("42", "MASK",
                700, 80));
    }

    @Test
    void aProvincesLinkAnsweringForAnotherProvinceIsRefused() {
        Census opened = central.inventory.open(ADMIN, new NewCensus("Mask reserves", List.of("MASK"),
                Instant.now().plus(Duration.ofDays(2))), null);
        Message spoof = new Message("province:42/9", "census.submission", "1.0", "province:42", "central",
                Instant.now(), Map.of("census", "central/" + opened.id(), "provinceCode", "32", "version", 1L,
                        "submittedAt", Instant.now().toString(), "submittedBy", "hubei", "system", Map.of("MASK", 5L)));
        assertThatThrownBy(() -> central.apply(new CensusSubmissionHandler(central.inventory), spoof, HUBEI_LINK))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(central.inventory.get(ADMIN, opened.id()).totals()).isEmpty();
    }

    /** The message as the receiver reads it off the wire: numbers as Long, times as text. */
    private static Message asJson(Message m) {
        Map<String, Object> body = new HashMap<>(m.body());
        body.put("version", ((Number) body.get("version")).longValue());
        return new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(), body);
    }
}
