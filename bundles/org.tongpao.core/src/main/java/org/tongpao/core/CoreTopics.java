package org.tongpao.core;

/**
 * EventAdmin topics posted by the core bundle after a change is committed:
 * {@code org/tongpao/core/<entity>/<CREATED|UPDATED|DEACTIVATED>}. Event properties: {@code id},
 * {@code code}, {@code provinceCode} (when any), {@code version}, {@code actor}, {@code requestId},
 * {@code node}; and the record's fields as written (those not null): an org unit's {@code name}, {@code nameZh},
 * {@code level}, {@code parentId}, {@code frontLine}, {@code active}; an item's {@code categoryCode},
 * {@code name}, {@code nameZh}, {@code unit}, {@code standard}, {@code shelfLifeMonths}, {@code active}; a
 * depot's {@code name}, {@code orgUnitId}, {@code address}, {@code active}.
 */
public final class CoreTopics {
    public static final String ORG_UNIT = "org/tongpao/core/orgunit/";
    public static final String ITEM = "org/tongpao/core/item/";
    public static final String DEPOT = "org/tongpao/core/depot/";
    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DEACTIVATED = "DEACTIVATED";
    /** Subscribe to every core change. */
    public static final String ALL = "org/tongpao/core/*";

    private CoreTopics() {
    }
}
