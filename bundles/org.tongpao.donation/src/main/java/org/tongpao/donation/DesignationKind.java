package org.tongpao.donation;

/** What a donor may designate a gift for. */
public enum DesignationKind {
    /** Any unit of one province. */
    PROVINCE,
    /** One org unit and the units under it. */
    ORG_UNIT,
    /** Front-line units only (org level STATION), in any province; depots on the way are allowed. */
    FRONT_LINE
}
