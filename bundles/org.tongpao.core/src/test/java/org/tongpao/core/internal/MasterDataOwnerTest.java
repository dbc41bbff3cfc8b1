package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.core.internal.Fixture.ADMIN;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.Item;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.spi.MasterDataOwner;

/** A node whose master data another node owns refuses local edits (409 naming it), except by that node's link. */
class MasterDataOwnerTest {
    private static final Caller LINK = Caller.of("node:central", Set.of("ministry-admin"), "req-link");
    private final Fixture f = new Fixture(true);
    private final MasterDataOwner central = writer -> writer.user().equals(LINK.user()) ? Optional.empty()
            : Optional.of("central");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void localEditsAreRefusedNamingTheOwnerAndChangeNothing() {
        f.db.bindMasterDataOwner(central);
        OrgUnit wuhan = f.units.getByCode(ADMIN, "P42-WUHAN");
        Item mask = f.catalogue.getByCode(ADMIN, "MASK-KN95");
        Depot depot = f.depots.getByCode(ADMIN, "HB-WH-01");

        assertThatThrownBy(() -> f.units.create(ADMIN, new NewOrgUnit("P42-XIAOGAN", "Xiaogan", null, OrgLevel.PREFECTURE,
                wuhan.parentId(), null, null), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Org units are master data owned by node central");
        assertThatThrownBy(() -> f.catalogue.update(ADMIN, mask.id(), new ItemUpdate(mask.categoryCode(), "renamed",
                null, mask.unit(), null, null, mask.version()), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("node central");
        assertThatThrownBy(() -> f.depots.deactivate(ADMIN, depot.id(), null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("node central");
        assertThat(f.catalogue.get(ADMIN, mask.id()).version()).isEqualTo(mask.version());
        assertThat(f.outbox.events(CoreTopics.ALL.replace("*", ""))).isEmpty();

        // the owner's link writes, and without an owner everyone may again
        Depot renamed = f.depots.update(LINK, depot.id(), new DepotUpdate("Wuhan store", null, depot.version()), null);
        assertThat(renamed.name()).isEqualTo("Wuhan store");
        f.db.unbindMasterDataOwner(central);
        assertThat(f.depots.update(ADMIN, depot.id(), new DepotUpdate("Wuhan", null, renamed.version()), null).name())
                .isEqualTo("Wuhan");
    }

    @Test
    void eventsCarryTheRecordAsWritten() {
        OrgUnit wuhan = f.units.getByCode(ADMIN, "P42-WUHAN");
        OrgUnit unit = f.units.create(ADMIN, new NewOrgUnit("P42-XIAOGAN", "Xiaogan", "孝感", OrgLevel.PREFECTURE,
                wuhan.parentId(), null, true), null);
        Event created = f.outbox.events(CoreTopics.ORG_UNIT + CoreTopics.CREATED).get(0);
        assertThat(created.getProperty("code")).isEqualTo("P42-XIAOGAN");
        assertThat(created.getProperty("nameZh")).isEqualTo("孝感");
        assertThat(created.getProperty("level")).isEqualTo("PREFECTURE");
        assertThat(created.getProperty("parentId")).isEqualTo(wuhan.parentId());
        assertThat(created.getProperty("frontLine")).isEqualTo(true);
        assertThat(created.getProperty("active")).isEqualTo(true);
        assertThat(created.getProperty("version")).isEqualTo(unit.version());

        Depot depot = f.depots.getByCode(ADMIN, "HB-WH-01");
        f.depots.update(ADMIN, depot.id(), new DepotUpdate("Wuhan store", null, depot.version()), null);
        Event updated = f.outbox.events(CoreTopics.DEPOT + CoreTopics.UPDATED).get(0);
        assertThat(updated.getProperty("name")).isEqualTo("Wuhan store");
        assertThat(updated.getProperty("orgUnitId")).isEqualTo(depot.orgUnitId());
        assertThat(updated.getPropertyNames()).doesNotContain("address");
    }
}
