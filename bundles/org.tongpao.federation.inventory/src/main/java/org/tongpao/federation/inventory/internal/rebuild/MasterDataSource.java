package org.tongpao.federation.inventory.internal.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.federation.SnapshotSequences;

/**
 * Central's side of the master data sections, read through core's services (keyset pages of at most 500):
 * the whole org tree, catalogue and depots, which a province needs to name any other depot or unit (mutual aid,
 * central's batches). Records travel by code; a parent or owner unit is named by its code.
 */
final class MasterDataSource {
    /** Core's services page by at most this many. */
    static final int MAX_PAGE = 500;

    private final OrgUnitService units;
    private final CatalogueService catalogue;
    private final DepotService depots;
    private final SnapshotSequences sequences;

    MasterDataSource(OrgUnitService units, CatalogueService catalogue, DepotService depots,
            SnapshotSequences sequences) {
        this.units = units;
        this.catalogue = catalogue;
        this.depots = depots;
        this.sequences = sequences;
    }

    SectionRows read(Connection c, Caller caller, RebuildCursor cursor, int limit) throws SQLException {
        int n = Math.min(limit, MAX_PAGE);
        String after = cursor.atSectionStart() ? null : cursor.key();
        SectionRows rows = switch (cursor.section()) {
            case RebuildCursor.UNITS -> units(c, units.list(caller, OrgUnitFilter.all(), n, after));
            case RebuildCursor.ITEMS -> items(catalogue.list(caller, ItemFilter.all(), n, after));
            case RebuildCursor.DEPOTS -> depots(c, depots.list(caller, DepotFilter.all(), n, after));
            default -> throw new IllegalArgumentException("not a master data section: " + cursor.section());
        };
        addSequences(c, type(cursor.section()), rows.rows());
        return rows;
    }

    /** The snapshot type of a master data section, as {@link SnapshotSequences} names it. */
    static String type(String section) {
        return switch (section) {
            case RebuildCursor.UNITS -> SnapshotSequences.ORG_UNIT;
            case RebuildCursor.ITEMS -> SnapshotSequences.ITEM;
            default -> SnapshotSequences.DEPOT;
        };
    }

    /**
     * Each record's {@code seq}: the newest snapshot of it central sent, read on the page's connection, so it describes
     * the state the row shows (a change and its snapshot's record commit together). A record with none recorded (last
     * changed before sequences were kept, or never) goes with central's current sequence (federation 1.3): any
     * snapshot of it still queued is older, its next change newer.
     */
    private void addSequences(Connection c, String type, List<Map<String, Object>> rows) throws SQLException {
        Map<String, Long> seqs = sequences.sent(c, type, rows.stream().map(r -> (String) r.get("code")).toList());
        long current = seqs.size() < rows.size() ? sequences.current(c) : 0;
        for (Map<String, Object> row : rows) {
            row.put("seq", seqs.getOrDefault((String) row.get("code"), current));
        }
    }

    private static SectionRows units(Connection c, Page<OrgUnit> page) throws SQLException {
        Map<Long, String> codes = unitCodes(c, page.items().stream().map(OrgUnit::parentId).collect(Collectors.toSet()));
        List<Map<String, Object>> rows = page.items().stream().map(u -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", u.code());
            row.put("name", u.name());
            row.put("nameZh", u.nameZh());
            row.put("level", u.level().name());
            row.put("parent", u.parentId() == null ? null : codes.get(u.parentId()));
            row.put("province", u.provinceCode());
            row.put("frontLine", u.frontLine());
            row.put("active", u.active());
            return row;
        }).toList();
        return new SectionRows(rows, page.nextCursor());
    }

    private static SectionRows items(Page<Item> page) {
        List<Map<String, Object>> rows = page.items().stream().map(i -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", i.code());
            row.put("category", i.categoryCode());
            row.put("name", i.name());
            row.put("nameZh", i.nameZh());
            row.put("unit", i.unit());
            row.put("standard", i.standard());
            row.put("shelfLifeMonths", i.shelfLifeMonths());
            row.put("active", i.active());
            return row;
        }).toList();
        return new SectionRows(rows, page.nextCursor());
    }

    private static SectionRows depots(Connection c, Page<Depot> page) throws SQLException {
        Map<Long, String> codes = unitCodes(c, page.items().stream().map(Depot::orgUnitId).collect(Collectors.toSet()));
        List<Map<String, Object>> rows = page.items().stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", d.code());
            row.put("name", d.name());
            row.put("unit", codes.get(d.orgUnitId()));
            row.put("province", d.provinceCode());
            row.put("address", d.address());
            row.put("active", d.active());
            return row;
        }).toList();
        return new SectionRows(rows, page.nextCursor());
    }

    /** Central's unit ids to codes, through core's published view. */
    private static Map<Long, String> unitCodes(Connection c, Set<Long> ids) throws SQLException {
        Map<Long, String> codes = new HashMap<>();
        for (Long id : ids) {
            if (id != null) {
                Jdbc.one(c, "SELECT code FROM tp_core_v1_org_unit WHERE id = ?", Jdbc.args(id), rs -> rs.getString(1))
                        .ifPresent(code -> codes.put(id, code));
            }
        }
        return codes;
    }

    /** How many records each master data section holds, for the first page's manifest. */
    static Map<String, Object> summary(Connection c) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(RebuildCursor.UNITS, Jdbc.count(c, "SELECT COUNT(*) FROM tp_core_v1_org_unit", List.of()));
        m.put(RebuildCursor.ITEMS, Jdbc.count(c, "SELECT COUNT(*) FROM tp_core_v1_item", List.of()));
        m.put(RebuildCursor.DEPOTS, Jdbc.count(c, "SELECT COUNT(*) FROM tp_core_v1_depot", List.of()));
        return m;
    }
}
