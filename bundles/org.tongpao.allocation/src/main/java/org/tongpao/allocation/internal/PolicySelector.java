package org.tongpao.allocation.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.spi.PriorityPolicy;

/**
 * Picks the priority policy the planner uses: the one named by {@code policy} in PID
 * {@code org.tongpao.allocation} when it is installed, else the highest {@code service.ranking}
 * (lowest service id on a tie). A named policy that is missing is logged and the ranking decides.
 */
@Component(service = PolicySelector.class, configurationPid = PolicySelector.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PolicySelector.Config.class)
public class PolicySelector {
    public static final String PID = "org.tongpao.allocation";
    private static final Logger LOG = LoggerFactory.getLogger(PolicySelector.class);

    @ObjectClassDefinition(name = "Tongpao allocation", description = "Which priority policy plans use")
    public @interface Config {
        @AttributeDefinition(description = "tongpao.policy.name of the policy to use; empty = highest service.ranking",
                required = false)
        String policy() default "";
    }

    /** A registered policy with the properties that select it. */
    public record Entry(PriorityPolicy policy, String name, int ranking, long serviceId) {
    }

    private final Map<PriorityPolicy, Entry> policies = new ConcurrentHashMap<>();
    private volatile String wanted;

    @Activate
    public PolicySelector(Config config) {
        this.wanted = config.policy() == null ? "" : config.policy().strip();
    }

    @Modified
    void modified(Config config) {
        this.wanted = config.policy() == null ? "" : config.policy().strip();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addPolicy(PriorityPolicy policy, Map<String, Object> props) {
        Object name = props.get(PriorityPolicy.NAME_PROPERTY);
        Object ranking = props.get(Constants.SERVICE_RANKING);
        Object id = props.get(Constants.SERVICE_ID);
        policies.put(policy, new Entry(policy, name == null ? policy.getClass().getName() : name.toString(),
                ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : 0L));
    }

    public void removePolicy(PriorityPolicy policy) {
        policies.remove(policy);
    }

    /** The policy to use now; empty-handed callers get a 409 from the planner. */
    public Entry select() {
        String name = wanted;
        Entry best = null;
        for (Entry e : policies.values()) {
            if (!name.isEmpty() && name.equals(e.name())) {
                return e;
            }
            if (best == null || e.ranking() > best.ranking()
                    || (e.ranking() == best.ranking() && e.serviceId() < best.serviceId())) {
                best = e;
            }
        }
        if (!name.isEmpty()) {
            LOG.warn("Priority policy '{}' is not installed; using '{}'", name, best == null ? "none" : best.name());
        }
        return best;
    }
}
