package org.tongpao.rest;

/**
 * Names shared by the REST foundation and the bundles that extend it.
 *
 * <p>A bundle adds a JAX-RS resource by registering any service with
 * {@code osgi.jaxrs.resource=true}, and a provider (exception mapper, filter, context provider) with
 * {@code osgi.jaxrs.extension=true}.
 */
public final class RestConstants {

    /** Service property marking a JAX-RS resource singleton. */
    public static final String RESOURCE_PROPERTY = "osgi.jaxrs.resource";
    /** Service property marking a JAX-RS provider (mapper, filter, context provider). */
    public static final String EXTENSION_PROPERTY = "osgi.jaxrs.extension";
    /** Header a client may send on writes so that a repeat returns the first result. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Request id header, accepted from the client when well formed and echoed on every response. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** Media type of every error body (RFC 7807). */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Prefix of the {@code type} member of a problem; the suffix names the kind, e.g. {@code not-found}. */
    public static final String PROBLEM_TYPE_PREFIX = "urn:tongpao:problem:";
    /** SLF4J MDC key holding the request id while a request is processed. */
    public static final String MDC_REQUEST_ID = "requestId";

    private RestConstants() {
    }
}
