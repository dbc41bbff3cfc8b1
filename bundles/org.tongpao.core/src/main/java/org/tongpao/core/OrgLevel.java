package org.tongpao.core;

/** Levels of the organisation tree, top down; a unit sits exactly one level below its parent. */
public enum OrgLevel {
    MINISTRY, PROVINCE, PREFECTURE, COUNTY, STATION;

    /** The level a parent of this level must have; empty for the ministry. */
    public java.util.Optional<OrgLevel> parentLevel() {
        return ordinal() == 0 ? java.util.Optional.empty() : java.util.Optional.of(values()[ordinal() - 1]);
    }
}
