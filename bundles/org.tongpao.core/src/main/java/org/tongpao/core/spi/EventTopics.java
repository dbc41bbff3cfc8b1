package org.tongpao.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * On an {@link EventForwarder} component: the topics it takes (exact, or a {@code prefix/*}). One declaration does
 * two things: it is the component's {@value EventForwarder#TOPICS} service property (a DS component property type),
 * and bnd writes it into the bundle's manifest as a capability in {@value EventForwarder#NAMESPACE}. Core's outbox
 * reads that capability from every installed bundle, so it knows a topic <em>must</em> be forwarded even while the
 * forwarder is not bound (the bundle starting, stopping, or its references not yet satisfied) and refuses such an
 * event rather than commit a change that is never forwarded.
 *
 * @since 1.4
 */
@ComponentPropertyType
@Capability(namespace = EventForwarder.NAMESPACE)
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventTopics {

    /** The topics, exact or as a {@code prefix/*}. */
    @Attribute(EventForwarder.TOPICS_ATTRIBUTE)
    String[] value();
}
