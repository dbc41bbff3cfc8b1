package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.Province;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.DesignationOverride;
import org.tongpao.inventory.Destination;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NodeDesignation;
import org.tongpao.inventory.internal.Picker.Pick;

/**
 * Designated stock: the columns a designation is kept in, the check of a receipt's designation, where a
 * destination sits in the org tree, and the {@link Gate} every write that moves stock out of a depot passes its
 * lots through (refuse, or, for a ministry-admin with a reason, let through and record the override).
 */
final class Designations {
    static final String COLUMNS = "designation_kind, designation_province, designation_unit_id, designation_label";
    /** An override's reason must say something: at least this many characters. */
    static final int MIN_REASON = 10;
    private static final int MAX_DEPTH = 16;

    private final Ledger ledger;
    private final ProvinceRegistry provinces;

    Designations(Ledger ledger, ProvinceRegistry provinces) {
        this.ledger = ledger;
        this.provinces = provinces;
    }

    /** The designation in the current row's four columns (no table prefix), or null for none. */
    static Designation read(ResultSet rs) throws SQLException {
        String kind = rs.getString("designation_kind");
        if (kind == null) {
            return null;
        }
        return new Designation(Designation.Kind.valueOf(kind), rs.getString("designation_province"),
                Sql.getLong(rs, "designation_unit_id"), rs.getString("designation_label"));
    }

    /** The four column values of a designation (all null for none), in {@link #COLUMNS} order. */
    static List<Object> columns(Designation d) {
        return d == null ? Arrays.asList(null, null, null, null)
                : Arrays.asList(d.kind().name(), d.provinceCode(), d.orgUnitId(), d.label());
    }

    /** A designation as it leaves this node: its org unit by code (1.7); null for none. */
    static NodeDesignation toNode(Connection c, Designation d) throws SQLException {
        if (d == null) {
            return null;
        }
        String unitCode = d.orgUnitId() == null ? null : Jdbc.one(c, "SELECT code FROM tp_core_v1_org_unit WHERE id = ?",
                List.of(d.orgUnitId()), rs -> rs.getString(1)).orElseThrow(() -> new IllegalStateException(
                        "designated org unit " + d.orgUnitId() + " is not in core's org units"));
        return new NodeDesignation(d.kind(), d.provinceCode(), unitCode, d.label());
    }

    /**
     * A designation another node sent, as this node keeps it: the org unit's code becomes this node's id. The
     * kind's own field is required; an org unit this node does not know (yet: master data comes from central)
     * is a 400 naming {@code field.orgUnitCode}, so the message waits, parked. Null for none.
     */
    static Designation fromNode(Connection c, NodeDesignation d, String field) throws SQLException {
        if (d == null) {
            return null;
        }
        if (d.kind() == null) {
            throw new ValidationException(field + ".kind", "kind is required: PROVINCE, ORG_UNIT or FRONT_LINE");
        }
        String label = d.label() == null || d.label().isBlank() ? null
                : d.label().length() > 200 ? d.label().substring(0, 200) : d.label();
        return switch (d.kind()) {
            case PROVINCE -> {
                if (d.provinceCode() == null || d.provinceCode().length() > 8) {
                    throw new ValidationException(field + ".provinceCode", "a PROVINCE designation names the province");
                }
                yield new Designation(d.kind(), d.provinceCode(), null, label);
            }
            case ORG_UNIT -> {
                if (d.orgUnitCode() == null) {
                    throw new ValidationException(field + ".orgUnitCode", "an ORG_UNIT designation names the unit");
                }
                long unitId = Jdbc.one(c, "SELECT id FROM tp_core_v1_org_unit WHERE code = ?", List.of(d.orgUnitCode()),
                        rs -> rs.getLong(1)).orElseThrow(() -> new ValidationException(field + ".orgUnitCode",
                                "no org unit with code " + d.orgUnitCode() + " on this node (yet)"));
                yield new Designation(d.kind(), null, unitId, label);
            }
            case FRONT_LINE -> new Designation(d.kind(), null, null, label);
        };
    }

    /** "designated by the donor for …" for a donation's lot, else {@link Designation#describe()}. */
    static String describe(LotOrigin origin, Designation d) {
        String text = d.describe();
        return origin == LotOrigin.DONATION ? text.replaceFirst("^designated ", "designated by the donor ") : text;
    }

    /**
     * A receipt's designation, checked and completed: the kind's own field is required and the others refused, the
     * province or unit must exist (400 naming {@code designation.*}); a missing label becomes the province's or
     * unit's name.
     */
    Designation normalize(Connection c, Designation d) throws SQLException {
        if (d == null) {
            return null;
        }
        if (d.kind() == null) {
            throw new ValidationException("designation.kind", "kind is required: PROVINCE, ORG_UNIT or FRONT_LINE");
        }
        String label = d.label() == null || d.label().isBlank() ? null : d.label().strip();
        if (label != null && label.length() > 200) {
            throw new ValidationException("designation.label", "label is at most 200 characters");
        }
        switch (d.kind()) {
            case PROVINCE -> {
                if (d.orgUnitId() != null) {
                    throw new ValidationException("designation.orgUnitId", "a PROVINCE designation names no org unit");
                }
                if (d.provinceCode() == null) {
                    throw new ValidationException("designation.provinceCode", "a PROVINCE designation names the province");
                }
                Province p = provinces.find(d.provinceCode()).orElseThrow(() -> new ValidationException(
                        "designation.provinceCode", "unknown province " + d.provinceCode()));
                return new Designation(d.kind(), p.code(), null, label != null ? label : p.nameEn());
            }
            case ORG_UNIT -> {
                if (d.orgUnitId() == null) {
                    throw new ValidationException("designation.orgUnitId", "an ORG_UNIT designation names the unit");
                }
                if (d.provinceCode() != null) {
                    throw new ValidationException("designation.provinceCode",
                            "an ORG_UNIT designation names the unit only");
                }
                String name = Jdbc.one(c, "SELECT name FROM tp_core_v1_org_unit WHERE id = ?", List.of(d.orgUnitId()),
                        rs -> rs.getString(1)).orElseThrow(() -> new ValidationException("designation.orgUnitId",
                                "no org unit with id " + d.orgUnitId()));
                return new Designation(d.kind(), null, d.orgUnitId(), label != null ? label : name);
            }
            default -> {
                if (d.provinceCode() != null || d.orgUnitId() != null) {
                    throw new ValidationException(d.provinceCode() != null ? "designation.provinceCode"
                            : "designation.orgUnitId", "a FRONT_LINE designation names no province or unit");
                }
                return new Designation(d.kind(), null, null, label);
            }
        }
    }

    /**
     * Where a destination sits: its province, the org unit path from the top down to the receiving unit (for a
     * depot, its owner), whether it is a depot, whether the unit is on the front line (level STATION), and a
     * readable name for messages.
     */
    record Place(String provinceCode, List<Long> unitPath, boolean toDepot, boolean frontLine, String name) {
        boolean admits(Designation d) {
            return d == null || d.allows(provinceCode, unitPath, toDepot, frontLine);
        }
    }

    /** The place of a destination; unknown is a 404 naming {@code depotId} or {@code orgUnitId}. */
    static Place place(Connection c, Destination to) throws SQLException {
        if (to.toDepot()) {
            Object[] d = Jdbc.one(c, "SELECT code, org_unit_id, province_code FROM tp_core_v1_depot WHERE id = ?",
                    List.of(to.depotId()), rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)})
                    .orElseThrow(() -> NotFoundException.ofField("toDepotId", to.depotId()));
            String province = (String) d[2];
            return new Place(province, path(c, (Long) d[1]), true, false,
                    "depot " + d[0] + (province == null ? " of the ministry" : " in province " + province));
        }
        Object[] u = Jdbc.one(c, "SELECT code, unit_level, province_code FROM tp_core_v1_org_unit WHERE id = ?",
                List.of(to.orgUnitId()), rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .orElseThrow(() -> NotFoundException.ofField("toOrgUnitId", to.orgUnitId()));
        String province = (String) u[2];
        boolean frontLine = OrgLevel.STATION.name().equals(u[1]);
        return new Place(province, path(c, to.orgUnitId()), false, frontLine,
                "org unit " + u[0] + (frontLine ? " (front line)" : " (" + String.valueOf(u[1]).toLowerCase() + ")")
                        + (province == null ? "" : " in province " + province));
    }

    /** The unit's ancestors from the top down, the unit last (core keeps the tree at most five levels deep). */
    static List<Long> path(Connection c, long unitId) throws SQLException {
        List<Long> up = new ArrayList<>();
        Long at = unitId;
        while (at != null && up.size() < MAX_DEPTH) {
            up.add(at);
            long current = at;
            at = Jdbc.one(c, "SELECT parent_id FROM tp_core_v1_org_unit WHERE id = ?", List.of(current),
                    rs -> Sql.getLong(rs, "parent_id")).orElse(null);
        }
        Collections.reverse(up);
        return up;
    }

    /**
     * A write's checkpoint for stock leaving a depot for one place: which lots may go, and (for a ministry-admin
     * who gave a reason) which went anyway, to be recorded as overrides. {@code field} names the destination in
     * refusals.
     */
    static final class Gate {
        final Place place;
        final String overrideReason;
        final String field;
        /** Lots taken outside their designation under the override: lot → designation, in the order taken. */
        final Map<Long, Designation> overridden = new LinkedHashMap<>();
        private final Map<Long, LotOrigin> origins = new HashMap<>();

        Gate(Place place, String overrideReason, String field) {
            this.place = place;
            this.overrideReason = overrideReason;
            this.field = field;
        }

        boolean admits(Designation d) {
            return place.admits(d);
        }

        boolean canOverride() {
            return overrideReason != null;
        }

        /**
         * A lot the write names (or a reservation holds) going to this place: through when admitted; else recorded
         * as an override when one was given, else the 409 naming its designation.
         */
        void pass(long lotId, LotOrigin origin, Designation d, String refusedField) {
            if (admits(d)) {
                return;
            }
            if (!canOverride()) {
                throw refusal(lotId, origin, d, refusedField);
            }
            taken(lotId, origin, d);
        }

        void taken(long lotId, LotOrigin origin, Designation d) {
            overridden.putIfAbsent(lotId, d);
            origins.putIfAbsent(lotId, origin);
        }

        ConflictException refusal(long lotId, LotOrigin origin, Designation d, String refusedField) {
            return new ConflictException(refusedField, "Lot " + lotId + " is " + describe(origin, d) + ": it cannot go to "
                    + place.name() + " (a ministry-admin may move it with an overrideReason)");
        }
    }

    /**
     * The gate for stock going to {@code to}. An {@code overrideReason} needs the ministry-admin role (else 403)
     * and at least {@value #MIN_REASON} characters (else 400 naming {@code overrideReason}).
     */
    Gate gate(Tx tx, Destination to, String overrideReason, String field) throws SQLException {
        String reason = reason(tx.caller, overrideReason);
        return new Gate(place(tx.c, to), reason, field);
    }

    /** The override reason checked (see {@link #gate}); null when none was given. */
    static String reason(Caller caller, String overrideReason) {
        if (overrideReason == null) {
            return null;
        }
        if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw new AccessDeniedException("Only a ministry-admin may move designated stock outside its designation");
        }
        String reason = overrideReason.strip();
        if (reason.length() < MIN_REASON) {
            throw new ValidationException("overrideReason", "overrideReason must say why, in at least " + MIN_REASON
                    + " characters");
        }
        if (reason.length() > 500) {
            throw new ValidationException("overrideReason", "overrideReason is at most 500 characters");
        }
        return reason;
    }

    /**
     * Records every lot the gate let through under the override: a row each (quantity as picked), an audit entry
     * and a DESIGNATION_OVERRIDDEN event, in the write's transaction.
     */
    void recordOverrides(Tx tx, Gate gate, List<Pick> picks, String operation, Long postingId, Long transferId,
            Destination to) throws SQLException {
        if (gate.overridden.isEmpty()) {
            return;
        }
        for (Pick p : picks) {
            Designation d = gate.overridden.get(p.lotId());
            if (d == null) {
                continue;
            }
            List<Object> args = new ArrayList<>(List.of(p.lotId()));
            args.addAll(columns(d));
            args.addAll(Arrays.asList(operation, p.quantity(), postingId, transferId, to.depotId(), to.orgUnitId(),
                    gate.overrideReason, tx.actor, tx.caller.requestId(), tx.now));
            long id = Jdbc.insert(tx.c, "INSERT INTO tp_inv_designation_override (lot_id, " + COLUMNS + ", operation, "
                    + "quantity, posting_id, transfer_id, to_depot_id, to_org_unit_id, reason, actor, request_id, "
                    + "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
            DesignationOverride o = new DesignationOverride(id, p.lotId(), d, operation, p.quantity(), postingId,
                    transferId, to.depotId(), to.orgUnitId(), gate.overrideReason, tx.actor, tx.now);
            ledger.audit.record(tx.c, tx.caller, "lot", Long.toString(p.lotId()), "DESIGNATION_OVERRIDE", null, o);
            Map<String, Object> props = new HashMap<>();
            props.put("overrideId", id);
            props.put("lotId", p.lotId());
            props.put("designation", d.describe());
            props.put("designationKind", d.kind().name());
            props.put("operation", operation);
            props.put("quantity", p.quantity());
            props.put("reason", gate.overrideReason);
            putIfSet(props, "postingId", postingId);
            putIfSet(props, "transferId", transferId);
            putIfSet(props, "toDepotId", to.depotId());
            putIfSet(props, "toOrgUnitId", to.orgUnitId());
            ledger.events.designationOverridden(tx, props);
        }
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static final String OVERRIDE_SELECT = "SELECT id, lot_id, " + COLUMNS + ", operation, quantity, posting_id, "
            + "transfer_id, to_depot_id, to_org_unit_id, reason, actor, occurred_at FROM tp_inv_designation_override ";

    static DesignationOverride mapOverride(ResultSet rs) throws SQLException {
        return new DesignationOverride(rs.getLong("id"), rs.getLong("lot_id"), read(rs), rs.getString("operation"),
                rs.getLong("quantity"), Sql.getLong(rs, "posting_id"), Sql.getLong(rs, "transfer_id"),
                Sql.getLong(rs, "to_depot_id"), Sql.getLong(rs, "to_org_unit_id"), rs.getString("reason"),
                rs.getString("actor"), Sql.getInstant(rs, "occurred_at"));
    }
}
