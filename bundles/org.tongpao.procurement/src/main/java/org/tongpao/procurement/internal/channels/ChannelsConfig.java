package org.tongpao.procurement.internal.channels;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.tongpao.procurement.channels}: how channels are called and how often their progress is pulled. */
@ObjectClassDefinition(name = "Tongpao procurement channels")
public @interface ChannelsConfig {
    @AttributeDefinition(description = "Time limit of one call to a channel, in milliseconds")
    int callTimeoutMillis() default 5000;

    @AttributeDefinition(description = "Threads per channel: calls to one channel that run at once")
    int threadsPerChannel() default 2;

    @AttributeDefinition(description = "Calls that may wait for a channel's threads; beyond, calls are refused at once")
    int queuePerChannel() default 16;

    @AttributeDefinition(description = "Seconds between two pulls of progress from the PULL channels (0: never)")
    int pollSeconds() default 60;
}
