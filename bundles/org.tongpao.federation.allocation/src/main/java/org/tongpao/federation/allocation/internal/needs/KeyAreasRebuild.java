package org.tongpao.federation.allocation.internal.needs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.NeedService;
import org.tongpao.core.Caller;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.federation.RebuildContribution;
import org.tongpao.federation.SnapshotSequences;

/**
 * The rebuild's {@code key-areas} section (federation 1.2): central's key areas of the province being rebuilt (the
 * province itself, or one of its units, by code), declared again on the rebuilt node as {@code master.key-area}
 * would. Key areas are few (a handful per province), so the section is one page whatever the limit. It comes before
 * {@code needs} (sections follow in name order), so restored needs get their key-area flag. Each carries its sequence
 * (federation 1.3), claimed on the rebuilt node like a {@code master.key-area} message's, so a change still queued from
 * before the rebuild changes nothing.
 */
@Component(property = RebuildContribution.SECTION + "=key-areas")
public class KeyAreasRebuild implements RebuildContribution {
    private final NeedService needs;
    private final OrgUnitService units;
    private final SnapshotSequences sequences;

    @Activate
    public KeyAreasRebuild(@Reference NeedService needs, @Reference OrgUnitService units,
            @Reference SnapshotSequences sequences) {
        this.needs = needs;
        this.units = units;
        this.sequences = sequences;
    }

    @Override
    public Rows read(Connection c, String province, String after, int limit) throws SQLException {
        if (after != null) {
            throw new org.tongpao.core.ValidationException("after", "not a rebuild cursor: use the nextCursor of the"
                    + " previous page");
        }
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (KeyArea a : needs.keyAreas(Caller.system("rebuild-key-areas"))) {
            if (a.orgUnitId() == null ? province.equals(a.provinceCode()) : province.equals(unitProvince(c, a.unitCode()))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(a.orgUnitId() == null ? "provinceCode" : "unitCode", a.orgUnitId() == null ? a.provinceCode()
                        : a.unitCode());
                row.put("label", a.label());
                row.values().removeIf(Objects::isNull);
                rows.add(row);
            }
        }
        addSequences(c, rows);
        return new Rows(rows, null);
    }

    @Override
    public long count(Connection c, String province) throws SQLException {
        return read(c, province, null, Integer.MAX_VALUE).rows().size();
    }

    @Override
    public void apply(Connection c, Caller central, List<Map<String, Object>> rows) throws SQLException {
        for (Map<String, Object> row : rows) {
            String province = NeedContracts.optionalText(row, "provinceCode");
            String unitCode = NeedContracts.optionalText(row, "unitCode");
            if (row.get("seq") instanceof Number seq && !sequences.claim(c, SnapshotSequences.KEY_AREA,
                    NeedContracts.keyAreaKey(province, unitCode), seq.longValue())) {
                continue; // a newer change of it applied here meanwhile
            }
            KeyAreaHandler.declare(needs, units, central, province, unitCode, NeedContracts.optionalText(row, "label"),
                    true);
        }
    }

    /**
     * Each key area's {@code seq}: the newest change of it central sent, or, for one declared before these were kept,
     * central's current sequence (federation 1.3): a change still queued for the province is older, the next newer.
     */
    private void addSequences(Connection c, List<Map<String, Object>> rows) throws SQLException {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(NeedContracts.keyAreaKey((String) r.get("provinceCode"), (String) r.get("unitCode")), r));
        Map<String, Long> sent = sequences.sent(c, SnapshotSequences.KEY_AREA, byKey.keySet());
        long current = sent.size() < byKey.size() ? sequences.current(c) : 0;
        byKey.forEach((key, row) -> row.put("seq", sent.getOrDefault(key, current)));
    }

    private static String unitProvince(Connection c, String unitCode) throws SQLException {
        return Jdbc.one(c, "SELECT province_code FROM tp_core_v1_org_unit WHERE code = ?", List.of(unitCode),
                rs -> rs.getString(1)).orElse(null);
    }
}
