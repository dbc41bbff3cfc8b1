package org.tongpao.federation.allocation.internal.needs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.Message;
import org.tongpao.federation.RebuildContribution;

/**
 * The allocation glue's sections of the rebuild stream (federation 1.2): a Hubei node that lost its disk gets back
 * central's key areas of Hubei and its own open needs under their ids, read from central's copies a page at a time
 * and applied as central inside the page's transaction, through JSON as over HTTP.
 */
class NeedsRebuildTest implements TestCallers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller CENTRAL_LINK = Caller.of("node:central", Set.of("ministry-admin"), "rebuild-1");
    private static final Caller HUBEI_LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"),
            "fed-42");
    private static final Caller JIANGSU_LINK = Caller.of("node:province:32", Set.of("province-officer", "province-32"),
            "fed-32");
    private final NeedNode central = node("central", List.of("province:42", "province:32"));
    private final NeedNode lost = node("province:42", List.of());
    private final NeedNode rebuilt = node("province:42", List.of());
    private final NeedNode jiangsu = node("province:32", List.of());

    private static NeedNode node(String id, List<String> provinces) {
        NeedNode node = new NeedNode(id, provinces);
        // on a federated province only central's link writes key areas
        node.needs.bindMasterDataOwner(writer -> node.core.node.isCentral()
                || writer.user().equals(CENTRAL_LINK.user()) ? Optional.empty() : Optional.of("central"));
        return node;
    }

    private static Need raise(NeedNode node, String unit, long quantity) {
        return node.needs.create(HUBEI, new NewNeed(node.unit(unit), node.core.catalogue.getByCode(ADMIN, "MASK-KN95")
                .id(), null, quantity, Urgency.IMMEDIATE, null, null, "front line", 2,
                node.core.depots.getByCode(ADMIN, "HB-WH-01").id()), null);
    }

    @AfterEach
    void close() {
        central.close();
        lost.close();
        rebuilt.close();
        jiangsu.close();
    }

    @Test
    void aRebuiltProvinceGetsCentralsKeyAreasAndItsOwnOpenNeedsUnderTheirIds() {
        central.needs.declareKeyArea(ADMIN, new NewKeyArea(null, central.unit("P42-WUHAN"), "Wuhan"), null);
        central.needs.declareKeyArea(ADMIN, new NewKeyArea("32", null, null), null);
        raise(lost, "P42-WUHAN-JIANGAN-T01", 10);
        Need open = raise(lost, "P42-WUHAN-JIANGAN-T01", 5000);
        Need cancelled = raise(lost, "P42-WUHAN-JIANGAN-T01", 70);
        lost.needs.cancel(HUBEI, cancelled.id(), null);
        Need third = raise(lost, "P42-WUHAN-JIANGAN-T01", 30);
        NeedChangedHandler replicate = new NeedChangedHandler(central.needs);
        lost.federation.sent.forEach(m -> central.apply(replicate, m, HUBEI_LINK));
        // central's own need for a Hubei unit is central's, not Hubei's to restore
        central.needs.create(ADMIN, new NewNeed(central.unit("P42-WUHAN-JIANGAN-T01"),
                central.core.catalogue.getByCode(ADMIN, "MASK-KN95").id(), null, 1L, Urgency.IMMEDIATE, null, null,
                "central's", 2, null), null);

        // Jiangsu's open need, copied at central too: another province's, never in Hubei's section
        jiangsu.needs.create(JIANGSU, new NewNeed(jiangsu.unit("P32-NANJING"), jiangsu.core.catalogue.getByCode(ADMIN,
                "MASK-KN95").id(), null, 9L, Urgency.IMMEDIATE, null, null, "Nanjing", 2, null), null);
        jiangsu.federation.sent.forEach(m -> central.apply(replicate, m, JIANGSU_LINK));
        assertThat(central.needs.replicasOf(ADMIN, "province:32", Set.of(NeedState.OPEN), 50, null).items())
                .singleElement().extracting(Need::quantity).isEqualTo(9L);

        KeyAreasRebuild keyAreas = new KeyAreasRebuild(central.needs, central.core.units, central.sequences);
        NeedsRebuild needs = new NeedsRebuild(central.needs);
        long keyAreaCount = Transactions.read(central.core.ds, c -> keyAreas.count(c, "42"));
        long needCount = Transactions.read(central.core.ds, c -> needs.count(c, "42"));
        assertThat(keyAreaCount).isEqualTo(1);
        assertThat(needCount).isEqualTo(3);
        pull(keyAreas, new KeyAreasRebuild(rebuilt.needs, rebuilt.core.units, rebuilt.sequences), 500);
        pull(needs, new NeedsRebuild(rebuilt.needs), 2);

        assertThat(rebuilt.needs.keyAreas(ADMIN)).extracting(KeyArea::unitCode, KeyArea::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P42-WUHAN", "Wuhan"));
        List<Need> back = rebuilt.needs.list(ADMIN, NeedFilter.all(), 10, null).items();
        assertThat(back).extracting(Need::id).containsExactly(open.id() - 1, open.id(), third.id());
        Need restored = rebuilt.needs.get(ADMIN, open.id());
        assertThat(restored.source()).as("the province's own need again").isNull();
        assertThat(restored.quantity()).isEqualTo(5000);
        assertThat(restored.state()).isEqualTo(NeedState.OPEN);
        assertThat(restored.version()).isEqualTo(open.version());
        assertThat(restored.createdAt()).isEqualTo(open.createdAt());
        assertThat(restored.keyArea()).as("flag derived from the restored key area").isTrue();
        assertThat(rebuilt.federation.sent).as("restoring changes nothing to report").isEmpty();

        // numbering continues above the restored ids, and a change of a restored need updates central's copy
        assertThat(raise(rebuilt, "P42-WUHAN-JIANGAN-T01", 1).id()).isGreaterThan(third.id());
        rebuilt.federation.sent.clear();
        rebuilt.needs.cancel(HUBEI, open.id(), null);
        Message change = rebuilt.federation.sent.get(0);
        assertThat(change.body()).containsEntry("need", "province:42/" + open.id());
        central.apply(replicate, change, HUBEI_LINK);
        assertThat(central.needs.list(ADMIN, NeedFilter.all(), 50, null).items()).filteredOn(n -> n.source() != null
                && n.source().equals("province:42/" + open.id())).singleElement()
                .extracting(Need::state).isEqualTo(NeedState.CANCELLED);

        // the same page again (a resumed run re-reads a page it did not commit) changes nothing
        pull(needs, new NeedsRebuild(rebuilt.needs), 500);
        assertThat(rebuilt.needs.get(ADMIN, open.id()).state()).isEqualTo(NeedState.CANCELLED);
    }

    @Test
    void aKeyAreaCarriesItsSequenceSoAChangeQueuedBeforeTheRebuildChangesNothing() {
        // declared at central before changes of key areas were ordered (nothing recorded), its removal and the
        // declaration again sent meanwhile: central/1 (declared), central/2 (removed), central/3 (declared)
        central.needs.declareKeyArea(ADMIN, new NewKeyArea(null, central.unit("P42-WUHAN"), "Wuhan"), null);
        KeyArea wuhan = central.needs.keyAreas(ADMIN).get(0);
        central.needs.removeKeyArea(ADMIN, wuhan.id(), null);
        central.needs.declareKeyArea(ADMIN, new NewKeyArea(null, central.unit("P42-WUHAN"), "Wuhan"), null);
        List<Message> queued = central.federation.sent.stream().filter(m -> m.to().equals("province:42")).toList();
        Transactions.write(central.core.ds, "before 1.3", c -> org.tongpao.core.persistence.Jdbc.update(c,
                "DELETE FROM tp_fed_snapshot", List.of()));
        Transactions.write(central.core.ds, "outbox", c -> org.tongpao.core.persistence.Jdbc.update(c,
                "INSERT INTO tp_fed_state (name, value) VALUES ('outbox-start', '11')", List.of()));

        pull(new KeyAreasRebuild(central.needs, central.core.units, central.sequences),
                new KeyAreasRebuild(rebuilt.needs, rebuilt.core.units, rebuilt.sequences), 500);
        assertThat(rebuilt.needs.keyAreas(ADMIN)).extracting(KeyArea::unitCode).containsExactly("P42-WUHAN");

        // the removal still queued in Hubei's down queue from before its disk was lost: older, it changes nothing
        KeyAreaHandler handler = new KeyAreaHandler(rebuilt.needs, rebuilt.core.units, rebuilt.sequences);
        rebuilt.apply(handler, queued.get(1), CENTRAL_LINK);
        assertThat(rebuilt.needs.keyAreas(ADMIN)).extracting(KeyArea::unitCode).containsExactly("P42-WUHAN");
        // a removal central sends after the rebuild applies
        rebuilt.apply(handler, new Message("central/11", queued.get(1).type(), queued.get(1).version(), "central",
                "province:42", java.time.Instant.now(), queued.get(1).body()), CENTRAL_LINK);
        assertThat(rebuilt.needs.keyAreas(ADMIN)).isEmpty();
    }

    /** The section from central to the rebuilt node, a page at a time, each page in its own transaction. */
    private void pull(RebuildContribution atCentral, RebuildContribution atProvince, int limit) {
        String after = null;
        do {
            String from = after;
            RebuildContribution.Rows page = Transactions.read(central.core.ds, c -> atCentral.read(c, "42", from, limit));
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(limit);
            List<Map<String, Object>> rows = overTheWire(page.rows());
            Transactions.enclosing(rebuilt.core.ds, "rebuild page", c -> {
                atProvince.apply(c, CENTRAL_LINK, rows);
                return null;
            });
            after = page.nextKey();
        } while (after != null);
    }

    private static List<Map<String, Object>> overTheWire(List<Map<String, Object>> rows) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(new ArrayList<>(rows)), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
