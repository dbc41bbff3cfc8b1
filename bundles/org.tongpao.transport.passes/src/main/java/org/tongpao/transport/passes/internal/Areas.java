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

    Area resolve(Caller caller, NewPass p) {
        return switch (PassRules.areaKind(p)) {
            case KEY_AREA -> {
                KeyArea k = needs.keyAreas(caller).stream().filter(a -> a.id() == p.keyAreaId()).findFirst()
                        .orElseThrow(() -> NotFoundException.ofField("keyAreaId", p.keyAreaId()));
                yield new Area(AreaKind.KEY_AREA, Long.toString(k.id()), k.label());
            }
            case ORG_UNIT -> {
                OrgUnit u = unit(caller, p.orgUnitId());
                yield new Area(AreaKind.ORG_UNIT, Long.toString(u.id()),
                        u.nameZh() == null || u.nameZh().isBlank() ? u.name() : u.nameZh());
            }
            case NAMED -> new Area(AreaKind.NAMED, null, Checks.line("areaName", p.areaName(), 200));
        };
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
