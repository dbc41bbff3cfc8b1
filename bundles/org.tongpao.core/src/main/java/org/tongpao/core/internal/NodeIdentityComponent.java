package org.tongpao.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.ProvinceRegistry;

/**
 * This install's identity from Config Admin PID {@code org.tongpao.core}. There is deliberately no
 * {@code @Modified}: a new identity must re-register the service so every consumer rebinds to it.
 * A malformed identity fails activation, so no component runs under a wrong one.
 */
@Component(service = NodeIdentity.class, configurationPid = NodeIdentityComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NodeIdentityComponent.Config.class)
public class NodeIdentityComponent implements NodeIdentity {
    public static final String PID = "org.tongpao.core";
    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentityComponent.class);
    private static final String PROVINCE_PREFIX = "province:";

    @ObjectClassDefinition(name = "Tongpao node", description = "Which install this is")
    public @interface Config {
        @AttributeDefinition(name = "Node", description = "central, or province:<GB/T 2260 code> such as province:42")
        String node() default "central";

        @AttributeDefinition(name = "Demo", description = "Seed demo units and depots and enable demo accounts")
        boolean demo() default false;
    }

    private final String id;
    private final boolean demo;

    @Activate
    public NodeIdentityComponent(Config config, @Reference ProvinceRegistry provinces) {
        String node = config.node() == null ? "" : config.node().trim();
        if (!isValid(node, provinces)) {
            LOG.error("Invalid node identity '{}' in PID {}: expected 'central' or 'province:<code>' with one of "
                    + "the 31 province codes; the node identity stays unavailable", node, PID);
            throw new IllegalArgumentException("Invalid node identity '" + node + "'");
        }
        this.id = node;
        this.demo = config.demo();
        LOG.info("Node identity {}{}", id, demo ? " (demo)" : "");
    }

    static boolean isValid(String node, ProvinceRegistry provinces) {
        if ("central".equals(node)) {
            return true;
        }
        return node.startsWith(PROVINCE_PREFIX) && provinces.isValid(node.substring(PROVINCE_PREFIX.length()));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean demo() {
        return demo;
    }
}
