package org.tongpao.core.internal;

import java.util.HashMap;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.Item;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.OrgUnit;

/**
 * The properties of core's change events ({@code org/tongpao/core/<entity>/<action>}): the common ones, and the
 * changed record's own fields, so a listener inside the recording transaction (federation's forwarders) has
 * the record as it was written without reading core's tables. Null fields are left out.
 */
final class CoreEvents {

    private CoreEvents() {
    }

    static Map<String, Object> properties(Caller caller, NodeIdentity node, long id, String code, String province,
            long version) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", id);
        props.put("code", code);
        if (province != null) {
            props.put("provinceCode", province);
        }
        props.put("version", version);
        props.put("actor", caller.user());
        props.put("requestId", caller.requestId());
        props.put("node", node.id());
        return props;
    }

    static Map<String, Object> snapshot(OrgUnit u) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", u.name());
        m.put("nameZh", u.nameZh());
        m.put("level", u.level().name());
        m.put("parentId", u.parentId());
        m.put("frontLine", u.frontLine());
        m.put("active", u.active());
        return m;
    }

    static Map<String, Object> snapshot(Item i) {
        Map<String, Object> m = new HashMap<>();
        m.put("categoryCode", i.categoryCode());
        m.put("name", i.name());
        m.put("nameZh", i.nameZh());
        m.put("unit", i.unit());
        m.put("standard", i.standard());
        m.put("shelfLifeMonths", i.shelfLifeMonths());
        m.put("active", i.active());
        return m;
    }

    static Map<String, Object> snapshot(Depot d) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", d.name());
        m.put("orgUnitId", d.orgUnitId());
        m.put("address", d.address());
        m.put("active", d.active());
        return m;
    }
}
