package org.tongpao.transport.passes.internal;

import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.NeedService;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;

/** Turns the area an officer names into what the pass prints: a key area's label, a unit's Chinese name, a name. */
record Areas(NeedService needs, OrgUnitService units) {

    /** What is stored: the kind, the reference (id) if any, the printed name. */
    record Area(AreaKind kind, String ref, String name) {
    }

    /**
     * Every id given is looked up first (404 naming its field if the caller cannot see it), so an id from another
     * province answers like an unknown one whatever else the request gets wrong; then exactly one way must be given.
     */
    Area resolve(Caller caller, NewPass p) {
        KeyArea keyArea = p.keyAreaId() == null ? null : keyArea(caller, p.keyAreaId());
        OrgUnit unit = p.orgUnitId() == null ? null : unit(caller, p.orgUnitId());
        return switch (PassRules.areaKind(p)) {
            case KEY_AREA -> new Area(AreaKind.KEY_AREA, Long.toString(keyArea.id()), keyArea.label());
            case ORG_UNIT -> new Area(AreaKind.ORG_UNIT, Long.toString(unit.id()),
                    unit.nameZh() == null || unit.nameZh().isBlank() ? unit.name() : unit.nameZh());
            case NAMED -> new Area(AreaKind.NAMED, null, Checks.line("areaName", p.areaName(), 200));
        };
    }

    private KeyArea keyArea(Caller caller, long id) {
        return needs.keyAreas(caller).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> NotFoundException.ofField("keyAreaId", id));
    }

    private OrgUnit unit(Caller caller, long id) {
        try {
            return units.get(caller, id);
        } catch (NotFoundException e) {
            // the same answer, naming the body field it came from
            throw NotFoundException.ofField("orgUnitId", id);
        }
    }
}
