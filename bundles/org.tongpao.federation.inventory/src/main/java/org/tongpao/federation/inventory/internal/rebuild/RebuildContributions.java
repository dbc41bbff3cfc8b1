package org.tongpao.federation.inventory.internal.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.federation.RebuildContribution;

/**
 * The sections other glue bundles add to the rebuild stream ({@link RebuildContribution}, federation 1.2), by name;
 * they follow this bundle's own sections in the order of their names, on central and on the province alike.
 */
@Component(service = RebuildContributions.class)
public class RebuildContributions {
    private static final Logger LOG = LoggerFactory.getLogger(RebuildContributions.class);
    private final Map<String, RebuildContribution> bySection = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void add(RebuildContribution contribution, Map<String, Object> properties) {
        String section = String.valueOf(properties.get(RebuildContribution.SECTION));
        if (RebuildCursor.SECTIONS.contains(section) || !section.matches("[a-z][a-z-]{0,39}")) {
            LOG.warn("Rebuild contribution {} ignored: its section name '{}' is taken or not lower case letters and"
                    + " dashes", contribution.getClass().getName(), section);
            return;
        }
        bySection.put(section, contribution);
    }

    void remove(RebuildContribution contribution, Map<String, Object> properties) {
        bySection.remove(String.valueOf(properties.get(RebuildContribution.SECTION)), contribution);
    }

    /** Every section of the stream on this node, in order: this bundle's own, then the contributed ones by name. */
    List<String> sections() {
        List<String> all = new ArrayList<>(RebuildCursor.SECTIONS);
        all.addAll(bySection.keySet());
        return all;
    }

    Optional<RebuildContribution> of(String section) {
        return Optional.ofNullable(bySection.get(section));
    }

    /** The contributed sections, by name. */
    Map<String, RebuildContribution> all() {
        return new java.util.TreeMap<>(bySection);
    }
}
