package org.tongpao.core;

/** List filter for org units; null fields do not filter. {@code q} matches code or names. */
public record OrgUnitFilter(String province, Long parentId, OrgLevel level, Boolean active, String q) {
    public static OrgUnitFilter all() {
        return new OrgUnitFilter(null, null, null, null, null);
    }
}
