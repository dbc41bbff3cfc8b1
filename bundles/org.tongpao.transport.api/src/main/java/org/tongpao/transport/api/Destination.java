package org.tongpao.transport.api;

import org.tongpao.transport.api.internal.Check;

/**
 * What Tongpao knows of an order's destination beyond its {@link Place}: whether it is a depot or an org unit
 * without one (a front-line station), the administrative area it lies in (province, city, district, e.g.
 * {@code 湖北省 / 武汉市 / 江岸区}), and the key area — a locked-down area whose checkpoints let a vehicle in only
 * with an entry pass — when it lies in one ({@link ShipmentOrder#restrictedArea()} is then true).
 *
 * @param kind a depot or an org unit
 * @param area the administrative area, outermost first; may be null when not known
 * @param keyArea the key area's name, or null outside key areas
 * @since 1.2
 */
public record Destination(PlaceKind kind, String area, String keyArea) {

    public Destination {
        Check.required(kind, "kind");
        area = Check.optionalText(area, "area", 300);
        keyArea = Check.optionalLine(keyArea, "keyArea", 200);
    }
}
