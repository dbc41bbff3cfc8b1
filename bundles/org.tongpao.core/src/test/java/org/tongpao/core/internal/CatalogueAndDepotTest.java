package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.core.internal.Fixture.ADMIN;
import static org.tongpao.core.internal.Fixture.HUBEI;
import static org.tongpao.core.internal.Fixture.PARTNER;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Category;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewItem;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;

class CatalogueAndDepotTest {
    private final Fixture f = new Fixture(true);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void categoriesInCatalogueOrder() {
        assertThat(f.catalogue.categories()).extracting(Category::code).containsExactly("MASK", "SUIT", "GOGGLES",
                "GLOVES", "THERMOMETER", "DISINFECTANT", "MEDICINE", "FIELD");
        assertThat(f.catalogue.categories().get(0).nameZh()).isEqualTo("防护口罩");
    }

    @Test
    void listItemsByCategoryAndText() {
        assertThat(f.catalogue.list(PARTNER, new ItemFilter("MASK", null, null), 50, null).items())
                .extracting(Item::code)
                .containsExactly("MASK-MEDPROT", "MASK-KN95", "MASK-SURGICAL", "MASK-MEDICAL");
        assertThat(f.catalogue.list(PARTNER, new ItemFilter(null, "gb 19083", true), 50, null).items())
                .extracting(Item::code).containsExactly("MASK-MEDPROT");
        assertThatThrownBy(() -> f.catalogue.list(PARTNER, new ItemFilter("NOPE", null, null), 50, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("category"));
    }

    @Test
    void itemLifecycle() {
        Item item = f.catalogue.create(ADMIN, new NewItem("GLOVES-NITRILE", "GLOVES", "Nitrile gloves", "丁腈手套",
                "pair", null, 60), null);
        assertThat(item.version()).isEqualTo(1);
        Item changed = f.catalogue.update(ADMIN, item.id(), new ItemUpdate("GLOVES", "Nitrile examination gloves",
                "丁腈检查手套", "box", "GB 10213-2006", 48, 1L), null);
        assertThat(changed.unit()).isEqualTo("box");
        assertThat(changed.version()).isEqualTo(2);
        assertThatThrownBy(() -> f.catalogue.update(ADMIN, item.id(), new ItemUpdate("GLOVES", "x", null, "box",
                null, null, 1L), null)).isInstanceOf(StaleVersionException.class);
        Item off = f.catalogue.deactivate(ADMIN, item.id(), 2L, null);
        assertThat(off.active()).isFalse();
        assertThat(f.catalogue.list(ADMIN, new ItemFilter("GLOVES", null, false), 50, null).items())
                .extracting(Item::code).containsExactly("GLOVES-NITRILE");
        assertThat(f.outbox.events()).extracting(e -> e.getTopic()).containsExactly(CoreTopics.ITEM + "CREATED",
                CoreTopics.ITEM + "UPDATED", CoreTopics.ITEM + "DEACTIVATED");
    }

    @Test
    void itemValidation() {
        var before = f.snapshot();
        assertThatThrownBy(() -> f.catalogue.create(ADMIN, new NewItem("MASK-KN95", "MASK", "dup", null, "piece",
                null, null), null)).isInstanceOf(ConflictException.class);
        assertField(() -> f.catalogue.create(ADMIN, new NewItem("MASK-X", "NOPE", "x", null, "piece", null, null),
                null), "categoryCode");
        assertField(() -> f.catalogue.create(ADMIN, new NewItem("MASK-X", "MASK", "x", null, "bucket", null, null),
                null), "unit");
        assertField(() -> f.catalogue.create(ADMIN, new NewItem("MASK-X", "MASK", "x", null, "piece", null, 0),
                null), "shelfLifeMonths");
        assertField(() -> f.catalogue.create(ADMIN, new NewItem("MASK-X", "MASK", "x", null, "piece", null, 241),
                null), "shelfLifeMonths");
        assertField(() -> f.catalogue.create(ADMIN, new NewItem("MASK-X", "MASK", " ", null, "piece", null, null),
                null), "name");
        assertField(() -> f.catalogue.create(ADMIN, new NewItem("mask x", "MASK", "x", null, "piece", null, null),
                null), "code");
        assertField(() -> f.catalogue.update(ADMIN, 1, new ItemUpdate("MASK", "x", null, "piece", null, null, null),
                null), "version");
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void depotLifecycleAndScope() {
        long wuhan = f.unit("P42-WUHAN").id();
        Depot d = f.depots.create(HUBEI, new NewDepot("HB-WH-02", "Wuhan second store", wuhan, "Jiang'an"), "d-1");
        assertThat(d.provinceCode()).isEqualTo("42");
        assertThat(d.orgUnitId()).isEqualTo(wuhan);
        assertThat(f.depots.create(HUBEI, new NewDepot("HB-WH-02", "Wuhan second store", wuhan, "Jiang'an"), "d-1"))
                .isEqualTo(d);
        Depot moved = f.depots.update(HUBEI, d.id(), new DepotUpdate("Wuhan store 2", null, 1L), null);
        assertThat(moved.address()).isNull();
        assertThat(moved.version()).isEqualTo(2);
        assertThat(f.depots.list(HUBEI, new DepotFilter(null, wuhan, true, null), 50, null).items())
                .extracting(Depot::code).containsExactly("HB-WH-01", "HB-WH-02");
        assertThat(f.depots.list(HUBEI, new DepotFilter(null, null, null, "second"), 50, null).items()).isEmpty();
        assertThat(f.depots.list(HUBEI, new DepotFilter(null, null, null, "store 2"), 50, null).items()).hasSize(1);
        // a Hubei officer asking for Jiangsu's depots gets none
        assertThat(f.depots.list(HUBEI, new DepotFilter("32", null, null, null), 50, null).items()).isEmpty();
        // an unknown owner is the 404 every id naming nothing the caller can see gets, naming the field
        assertThatThrownBy(() -> f.depots.create(ADMIN, new NewDepot("HB-X", "x", 999_999L, null), null))
                .isInstanceOfSatisfying(org.tongpao.core.NotFoundException.class,
                        e -> assertThat(e.field()).isEqualTo("orgUnitId"));
        assertThatThrownBy(() -> f.depots.create(ADMIN, new NewDepot("HB-WH-01", "dup", wuhan, null), null))
                .isInstanceOf(ConflictException.class);
        Depot off = f.depots.deactivate(HUBEI, d.id(), null, null);
        assertThat(off.active()).isFalse();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
