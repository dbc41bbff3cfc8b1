package org.tongpao.federation.inventory.internal.rebuild;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many messages wait in a province's up queue ({@code tongpao.up.<code>}) at central's embedded broker, read
 * from the broker's JMX queue control in this JVM (Artemis registers one per queue), so this bundle needs no
 * broker API. Empty when this JVM runs no broker that has the queue (an external broker): central then cannot
 * tell, and says so.
 */
final class UpQueues {
    private static final Logger LOG = LoggerFactory.getLogger(UpQueues.class);

    private UpQueues() {
    }

    static OptionalLong depth(String provinceCode) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName pattern = new ObjectName("org.apache.activemq.artemis:component=addresses,subcomponent=queues,"
                    + "queue=" + ObjectName.quote("tongpao.up." + provinceCode) + ",*");
            Set<ObjectName> queues = server.queryNames(pattern, null);
            if (queues.isEmpty()) {
                return OptionalLong.empty();
            }
            long total = 0;
            for (ObjectName queue : queues) {
                total += ((Number) server.getAttribute(queue, "MessageCount")).longValue();
            }
            return OptionalLong.of(total);
        } catch (JMException | RuntimeException e) {
            LOG.warn("Could not read the depth of the up queue of province {}", provinceCode, e);
            return OptionalLong.empty();
        }
    }
}
