package org.tongpao.transport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tongpao.transport}: carrier calls (the registry) and the SLA watch. */
@ObjectClassDefinition(name = "Tongpao transport", description = "Carrier calls and the SLA watch")
public @interface TransportConfig {
    @AttributeDefinition(description = "Time limit of one call to a carrier, in milliseconds")
    int callTimeoutMillis() default 5000;

    @AttributeDefinition(description = "Worker threads per carrier")
    int threadsPerCarrier() default 2;

    @AttributeDefinition(description = "Calls that may wait per carrier before new ones are refused")
    int queuePerCarrier() default 16;

    @AttributeDefinition(description = "Seconds between SLA scans (and tracking pulls)")
    int slaScanSeconds() default 60;
}
