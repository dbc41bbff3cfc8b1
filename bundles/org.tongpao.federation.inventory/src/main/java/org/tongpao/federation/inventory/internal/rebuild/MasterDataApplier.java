package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotService;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.Item;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewItem;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.federation.SnapshotSequences;

/**
 * Applies a master data page through core's public services (a few hundred records, so one call per record is
 * fine), as central: a record this node lacks is created, one that differs is updated, an item or depot central
 * deactivated is deactivated. Called inside the page's enclosing transaction, so the services' writes, audit rows
 * and events commit with the page's cursor. Org units arrive parents first (central's id order). Each record carries
 * the sequence of the newest snapshot central sent of it, claimed here like a snapshot message's (newer wins).
 */
final class MasterDataApplier {
    private final OrgUnitService units;
    private final CatalogueService catalogue;
    private final DepotService depots;
    private final SnapshotSequences sequences;

    MasterDataApplier(OrgUnitService units, CatalogueService catalogue, DepotService depots,
            SnapshotSequences sequences) {
        this.units = units;
        this.catalogue = catalogue;
        this.depots = depots;
        this.sequences = sequences;
    }

    void apply(Connection c, Caller central, String section, JsonNode rows) throws SQLException {
        for (JsonNode row : rows) {
            // newer wins, as for central's snapshot messages: a row whose state this node already holds, or a newer
            // one (a snapshot applied meanwhile), is left alone; claiming it makes an older queued snapshot harmless
            if (row.hasNonNull("seq") && !sequences.claim(c, MasterDataSource.type(section), row.path("code").asText(),
                    row.path("seq").asLong())) {
                continue;
            }
            switch (section) {
                case RebuildCursor.UNITS -> unit(central, row);
                case RebuildCursor.ITEMS -> item(central, row);
                case RebuildCursor.DEPOTS -> depot(central, row);
                default -> throw new IllegalArgumentException("not a master data section: " + section);
            }
        }
    }

    private void unit(Caller central, JsonNode row) {
        String code = row.path("code").asText();
        Optional<OrgUnit> held = find(() -> units.getByCode(central, code));
        String name = text(row, "name");
        String nameZh = text(row, "nameZh");
        boolean frontLine = row.path("frontLine").asBoolean();
        if (held.isEmpty()) {
            String parent = text(row, "parent");
            Long parentId = parent == null ? null : units.getByCode(central, parent).id();
            units.create(central, new NewOrgUnit(code, name, nameZh, OrgLevel.valueOf(row.path("level").asText()),
                    parentId, text(row, "province"), frontLine), null);
        } else if (!held.get().name().equals(name) || !Objects.equals(held.get().nameZh(), nameZh)
                || held.get().frontLine() != frontLine) {
            units.update(central, held.get().id(), new OrgUnitUpdate(name, nameZh, frontLine, held.get().version()), null);
        }
    }

    private void item(Caller central, JsonNode row) {
        String code = row.path("code").asText();
        Optional<Item> held = find(() -> catalogue.getByCode(central, code));
        Integer shelfLife = row.path("shelfLifeMonths").isNull() ? null : row.path("shelfLifeMonths").asInt();
        ItemUpdate wanted = new ItemUpdate(text(row, "category"), text(row, "name"), text(row, "nameZh"),
                text(row, "unit"), text(row, "standard"), shelfLife, 1L);
        Item item;
        if (held.isEmpty()) {
            item = catalogue.create(central, new NewItem(code, wanted.categoryCode(), wanted.name(), wanted.nameZh(),
                    wanted.unit(), wanted.standard(), shelfLife), null);
        } else if (!wanted.equals(asUpdate(held.get()))) {
            item = catalogue.update(central, held.get().id(), new ItemUpdate(wanted.categoryCode(), wanted.name(),
                    wanted.nameZh(), wanted.unit(), wanted.standard(), shelfLife, held.get().version()), null);
        } else {
            item = held.get();
        }
        if (item.active() && !row.path("active").asBoolean(true)) {
            catalogue.deactivate(central, item.id(), null, null);
        }
    }

    private static ItemUpdate asUpdate(Item i) {
        return new ItemUpdate(i.categoryCode(), i.name(), i.nameZh(), i.unit(), i.standard(), i.shelfLifeMonths(), 1L);
    }

    private void depot(Caller central, JsonNode row) {
        String code = row.path("code").asText();
        Optional<Depot> held = find(() -> depots.getByCode(central, code));
        String name = text(row, "name");
        String address = text(row, "address");
        Depot depot;
        if (held.isEmpty()) {
            long owner = units.getByCode(central, text(row, "unit")).id();
            depot = depots.create(central, new NewDepot(code, name, owner, address), null);
        } else if (!held.get().name().equals(name) || !Objects.equals(held.get().address(), address)) {
            depot = depots.update(central, held.get().id(), new DepotUpdate(name, address, held.get().version()), null);
        } else {
            depot = held.get();
        }
        if (depot.active() && !row.path("active").asBoolean(true)) {
            depots.deactivate(central, depot.id(), null, null);
        }
    }

    private static <T> Optional<T> find(Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode v = row.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
