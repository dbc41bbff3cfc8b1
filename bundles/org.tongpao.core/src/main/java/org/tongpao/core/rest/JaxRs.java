package org.tongpao.core.rest;

/**
 * The service properties that put a service on the one Tongpao REST server (the OSGi JAX-RS whiteboard's
 * names): {@code @Component(service = ItemResource.class, property = JaxRs.RESOURCE)}.
 *
 * @since 1.2
 */
public final class JaxRs {
    /** A JAX-RS resource singleton. */
    public static final String RESOURCE = "osgi.jaxrs.resource=true";
    /** A JAX-RS provider: exception mapper, filter, context provider, body reader or writer. */
    public static final String EXTENSION = "osgi.jaxrs.extension=true";

    private JaxRs() {
    }
}
