package org.tongpao.federation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.tongpao.federation}. Without a {@code broker} the bundle stays passive: {@code send}
 * still queues in the outbox (sent once a broker is configured), nothing connects, the links say "not configured".
 */
@ObjectClassDefinition(name = "Tongpao federation", description = "This node's link(s) to the other nodes over ActiveMQ Artemis")
public @interface FederationConfig {
    @AttributeDefinition(description = "The broker's URL, e.g. tcp://127.0.0.1:61616 (empty: no link, passive)")
    String broker() default "";

    @AttributeDefinition(description = "Broker user (a province: node-<code>)")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Broker password")
    String password() default "";

    @AttributeDefinition(description = "At central: the federated province codes, comma separated (e.g. 42,32); "
            + "their depots' ledgers are kept by those provinces' nodes")
    String provinces() default "";

    @AttributeDefinition(description = "Messages per transacted send to the broker (1..100)")
    int batchSize() default 100;

    @AttributeDefinition(description = "How often the relay looks for unsent rows without being woken, and how long "
            + "a consumer waits for a message, in milliseconds")
    long pollMillis() default 1000;

    @AttributeDefinition(description = "Days a sent message stays in the outbox before it is deleted (0: kept for ever)")
    int keepSentDays() default 7;

    @AttributeDefinition(description = "Days an applied message's inbox row is kept (0: for ever); past it only the "
            + "id of a message whose handler is not newer-wins stays, so a late redelivery still changes nothing")
    int keepInboxDays() default 30;
}
