package org.tongpao.core.internal;

import java.util.HashMap;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.NodeIdentity;

/** The properties of core's change events ({@code org/tongpao/core/<entity>/<action>}). */
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
}
