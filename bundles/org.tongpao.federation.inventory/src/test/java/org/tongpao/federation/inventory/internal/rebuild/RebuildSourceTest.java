package org.tongpao.federation.inventory.internal.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;

class RebuildSourceTest {
    private final RebuildFixture f = new RebuildFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void pagesCoverEveryLotOfTheProvinceOnceMasterDataFirst() {
        List<Long> received = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            received.add(f.receive(i % 2 == 0 ? "HB-WH-01" : "HB-PROV-01", "MASK-KN95", 100 + i, LocalDate.of(2030, 1, i)));
        }
        f.receive("JS-PROV-01", "MASK-KN95", 55, LocalDate.of(2031, 1, 1));

        List<String> sections = new ArrayList<>();
        List<Long> lots = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            RebuildPage page = f.source.page(RebuildFixture.HUBEI_NODE, "42", after, "2");
            assertThat(page.manifest() != null).as("manifest on the first page only").isEqualTo(pages == 0);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(2);
            assertThat(page.rows().isEmpty()).as("only the last page may be empty").isEqualTo(page.nextCursor() == null);
            if (!sections.contains(page.section())) {
                sections.add(page.section());
            }
            if (page.section().equals("lots")) {
                page.rows().forEach(r -> {
                    assertThat(r.get("depot")).isIn("HB-WH-01", "HB-PROV-01");
                    lots.add((Long) r.get("id"));
                });
            }
            after = page.nextCursor();
            pages++;
        } while (after != null);

        assertThat(sections).containsExactly("units", "items", "depots", "lots", "transfers");
        assertThat(lots).containsExactlyElementsOf(received);
    }

    @Test
    void theManifestSaysWhatTheStreamHoldsAndWhatCentralLastReceived() {
        f.receive("HB-WH-01", "FIELD-TENT", 40, null);
        RebuildPage first = f.source.page(f.ADMIN, "42", null, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> stock = (Map<String, Object>) first.manifest().get("stock");
        assertThat(stock).containsEntry("lots", 1L).containsEntry("onHand", 40L);
        assertThat(first.manifest()).containsKeys("masterData", "received", "generatedAt");
        assertThat(f.source.page(f.ADMIN, "42", first.nextCursor(), null).manifest()).isNull();
    }

    @Test
    void onlyTheProvincesNodeOrAMinistryAdministratorMayRead() {
        assertThat(f.source.page(RebuildFixture.HUBEI_NODE, "42", null, "1").rows()).isNotEmpty();
        assertThat(f.source.page(f.ADMIN, "42", null, "1").rows()).isNotEmpty();
        for (var caller : List.of(RebuildFixture.JIANGSU_NODE, f.HUBEI, f.OFFICER, f.AUDITOR, f.KEEPER)) {
            assertThatThrownBy(() -> f.source.page(caller, "42", null, "1")).as(caller.user())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> f.source.page(f.ADMIN, "99", null, "1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusedWhileMessagesFromTheProvinceAreQueuedOrParked() {
        f.catchUp = new CatchUp("42", Optional.empty(), OptionalLong.of(3));
        assertThatThrownBy(() -> f.source.page(RebuildFixture.HUBEI_NODE, "42", null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("3 message(s) from it still wait");
        f.catchUp = new CatchUp("42", Optional.of(RebuildFixture.link(2)), OptionalLong.of(0));
        assertThatThrownBy(() -> f.source.page(RebuildFixture.HUBEI_NODE, "42", "lots:0", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("2 are parked");
        // a federated province whose queue the broker does not answer for: central cannot tell, so it refuses
        f.catchUp = new CatchUp("42", Optional.of(RebuildFixture.link(0)), OptionalLong.empty());
        assertThatThrownBy(() -> f.source.page(RebuildFixture.HUBEI_NODE, "42", null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot read the up queue");
        // a province that was never federated has no queue to wait for, which the manifest says
        f.catchUp = new CatchUp("42", Optional.empty(), OptionalLong.empty());
        @SuppressWarnings("unchecked")
        Map<String, Object> received = (Map<String, Object>) f.source.page(RebuildFixture.HUBEI_NODE, "42", null, null)
                .manifest().get("received");
        assertThat(received.get("upQueue").toString()).startsWith("unknown");
    }

    @Test
    void aBadLimitOrCursorIsA400() {
        for (String limit : new String[] {"0", "20001", "ten"}) {
            assertThatThrownBy(() -> f.source.page(f.ADMIN, "42", null, limit)).isInstanceOf(ValidationException.class)
                    .extracting("field").isEqualTo("limit");
        }
        assertThatThrownBy(() -> f.source.page(f.ADMIN, "42", "lots:abc", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aProvincialNodeServesNoRebuild() {
        RebuildSource atProvince = new RebuildSource(f.province.ds, f.province.core.node, f.province.core.provinces,
                new MasterDataSource(f.province.core.units, f.province.core.catalogue, f.province.core.depots,
                        f.province.sequences),
                new TransferSource(f.province.stock()), new RebuildContributions(), p -> f.catchUp);
        assertThatThrownBy(() -> atProvince.page(f.ADMIN, "42", null, null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only the central node");
    }
}
