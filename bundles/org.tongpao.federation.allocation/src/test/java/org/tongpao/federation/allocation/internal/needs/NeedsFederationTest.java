package org.tongpao.federation.allocation.internal.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedFilter;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.Message;

/**
 * Needs up and key areas down, between two real databases with allocation's need service on each and a
 * recording {@code Federation} per node; handlers run inside {@code Transactions.enclosing} as the links would.
 */
class NeedsFederationTest implements TestCallers {
    private static final Caller CENTRAL_LINK = Caller.of("node:central", Set.of("ministry-admin"), "fed-central");
    private static final Caller HUBEI_LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"),
            "fed-42");
    private final NeedNode central = new NeedNode("central", List.of("province:42", "province:32"));
    private final NeedNode hubei = new NeedNode("province:42", List.of());

    @AfterEach
    void close() {
        central.close();
        hubei.close();
    }

    @Test
    void aNeedRaisedAtHubeiIsReplicatedToCentralAndItsCancellationFollows() {
        central.needs.declareKeyArea(ADMIN, new NewKeyArea("42", null, null), null);
        Need raised = hubei.needs.create(HUBEI, new NewNeed(hubei.unit("P42-WUHAN-JIANGAN-T01"),
                hubei.core.catalogue.getByCode(ADMIN, "MASK-KN95").id(), null, 5000L, Urgency.IMMEDIATE, null, null,
                "front line", 2, hubei.core.depots.getByCode(ADMIN, "HB-WH-01").id()), null);
        assertThat(hubei.federation.sent).hasSize(1);
        Message up = hubei.federation.sent.get(0);
        assertThat(up.type()).isEqualTo("need.changed");
        assertThat(up.to()).isEqualTo("central");
        assertThat(up.body()).containsEntry("need", "province:42/" + raised.id()).containsEntry("itemCode", "MASK-KN95")
                .containsEntry("receivingDepotCode", "HB-WH-01").containsEntry("unitCode", "P42-WUHAN-JIANGAN-T01")
                .doesNotContainKeys("itemId", "receivingDepotId");

        NeedChangedHandler replicate = new NeedChangedHandler(central.needs);
        central.apply(replicate, asJson(up), HUBEI_LINK);
        Need copy = central.needs.list(ADMIN, NeedFilter.all(), 10, null).items().get(0);
        assertThat(copy.source()).isEqualTo("province:42/" + raised.id());
        assertThat(copy.orgUnitId()).isEqualTo(central.unit("P42-WUHAN-JIANGAN-T01"));
        assertThat(copy.itemId()).isEqualTo(central.core.catalogue.getByCode(ADMIN, "MASK-KN95").id());
        assertThat(copy.quantity()).isEqualTo(5000);
        assertThat(copy.keyArea()).isTrue();
        assertThat(copy.createdAt()).isEqualTo(raised.createdAt());
        assertThat(central.federation.sent).extracting(Message::type).containsOnly("master.key-area");

        hubei.needs.cancel(HUBEI, raised.id(), null);
        Message cancelled = hubei.federation.sent.get(1);
        central.apply(replicate, asJson(cancelled), HUBEI_LINK);
        central.apply(replicate, asJson(up), HUBEI_LINK);
        Need after = central.needs.get(ADMIN, copy.id());
        assertThat(after.state()).isEqualTo(NeedState.CANCELLED);
        assertThat(central.needs.list(ADMIN, NeedFilter.all(), 10, null).items()).hasSize(1);

        assertThatThrownBy(() -> central.needs.cancel(ADMIN, copy.id(), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("province:42");
    }

    @Test
    void aProvincesMessageAboutAnotherProvinceIsRefusedByScope() {
        Map<String, Object> body = new HashMap<>(Map.of("need", "province:42/7", "unitCode", "P32-NANJING",
                "categoryCode", "MASK", "quantity", 10L, "allocated", 0L, "received", 0L, "urgency", "H72", "state",
                "OPEN", "createdBy", "hubei"));
        body.putAll(Map.of("createdAt", "2026-12-01T00:00:00Z", "updatedAt", "2026-12-01T00:00:00Z", "version", 1L,
                "frontLine", false));
        NeedChangedHandler replicate = new NeedChangedHandler(central.needs);
        assertThatThrownBy(() -> central.apply(replicate, message("province:42", body), HUBEI_LINK))
                .isInstanceOf(NotFoundException.class);
        body.put("unitCode", "P42-WUHAN");
        body.put("need", "province:32/7");
        assertThatThrownBy(() -> central.apply(replicate, message("province:42", body), HUBEI_LINK))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(central.needs.list(ADMIN, NeedFilter.all(), 10, null).items()).isEmpty();
    }

    @Test
    void keyAreasDeclaredAtCentralReachTheProvinceWhichRefusesLocalOnes() {
        KeyArea wuhan = central.needs.declareKeyArea(ADMIN, new NewKeyArea(null, central.unit("P42-WUHAN"), "Wuhan"),
                null);
        central.needs.declareKeyArea(ADMIN, new NewKeyArea("32", null, null), null);
        List<Message> toHubei = central.federation.sent.stream().filter(m -> m.to().equals("province:42")).toList();
        assertThat(toHubei).hasSize(2);
        assertThat(toHubei.get(0).body()).containsEntry("unitCode", "P42-WUHAN").containsEntry("declared", true)
                .doesNotContainKey("provinceCode");

        hubei.needs.bindMasterDataOwner(writer -> writer.user().equals(CENTRAL_LINK.user()) ? Optional.empty()
                : Optional.of("central"));
        KeyAreaHandler handler = new KeyAreaHandler(hubei.needs, hubei.core.units, hubei.sequences);
        toHubei.forEach(m -> hubei.apply(handler, m, CENTRAL_LINK));
        toHubei.forEach(m -> hubei.apply(handler, m, CENTRAL_LINK));
        assertThat(hubei.needs.keyAreas(ADMIN)).extracting(KeyArea::unitCode, KeyArea::provinceCode, KeyArea::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P42-WUHAN", null, "Wuhan"),
                        org.assertj.core.groups.Tuple.tuple(null, "32", "Jiangsu"));
        assertThatThrownBy(() -> hubei.needs.declareKeyArea(ADMIN, new NewKeyArea("11", null, null), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("node central");

        central.needs.removeKeyArea(ADMIN, wuhan.id(), null);
        hubei.apply(handler, central.federation.sent.get(central.federation.sent.size() - 2), CENTRAL_LINK);
        assertThat(hubei.needs.keyAreas(ADMIN)).extracting(KeyArea::provinceCode).containsExactly("32");
    }

    private static Message message(String from, Map<String, Object> body) {
        return new Message(from + "/1", "need.changed", "1.0", from, "central", java.time.Instant.now(), body);
    }

    /** The message as the receiver reads it off the wire: numbers as Long. */
    private static Message asJson(Message m) {
        Map<String, Object> body = new HashMap<>(m.body());
        body.replaceAll((k, v) -> v instanceof Integer i ? Long.valueOf(i) : v);
        return new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(), body);
    }
}
