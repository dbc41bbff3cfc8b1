package org.tongpao.inventory;

import java.util.Map;
import org.tongpao.core.ValidationException;

/**
 * A lot's {@link Designation} as it crosses nodes (1.7): an org unit named by its code, never by a node's local
 * id (org units are master data, known by code on every node). The node applying it turns the code back into its
 * own unit's id; a code it does not know yet is a 400 (the message waits, parked, for the master data).
 *
 * @param kind         what the designation names
 * @param provinceCode the province, for {@link Designation.Kind#PROVINCE}
 * @param orgUnitCode  the unit's code, for {@link Designation.Kind#ORG_UNIT}
 * @param label        the readable name shown beside it
 * @since 1.7
 */
public record NodeDesignation(Designation.Kind kind, String provinceCode, String orgUnitCode, String label) {

    /** As a message body names it: {@code kind}, then {@code provinceCode}, {@code orgUnitCode}, {@code label} when set. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("kind", kind.name());
        if (provinceCode != null) {
            m.put("provinceCode", provinceCode);
        }
        if (orgUnitCode != null) {
            m.put("orgUnitCode", orgUnitCode);
        }
        if (label != null) {
            m.put("label", label);
        }
        return m;
    }

    /**
     * From a message body's {@code designation} object (null: none); a value that is not one is a 400 naming
     * {@code field}.
     */
    public static NodeDesignation fromMap(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> m) || m.get("kind") == null) {
            throw new ValidationException(field, field + " must be an object with a kind");
        }
        Designation.Kind kind;
        try {
            kind = Designation.Kind.valueOf(m.get("kind").toString());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field + ".kind", "kind must be PROVINCE, ORG_UNIT or FRONT_LINE");
        }
        return new NodeDesignation(kind, text(m.get("provinceCode")), text(m.get("orgUnitCode")), text(m.get("label")));
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
