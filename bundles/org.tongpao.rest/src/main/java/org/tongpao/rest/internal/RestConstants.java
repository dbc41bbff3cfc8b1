package org.tongpao.rest.internal;

/**
 * Header, media-type and MDC names of the REST foundation. Bundles that extend the server use
 * {@code org.tongpao.core.rest.JaxRs} for the service properties; nothing here is exported.
 */
final class RestConstants {
    /** Header a client may send on writes so that a repeat returns the first result. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Request id header, accepted from the client when well formed and echoed on every response. */
    static final String REQUEST_ID = "X-Request-Id";
    /** Media type of every error body (RFC 7807). */
    static final String PROBLEM_JSON = "application/problem+json";
    /** Prefix of the {@code type} member of a problem; the suffix names the kind, e.g. {@code not-found}. */
    static final String PROBLEM_TYPE_PREFIX = "urn:tongpao:problem:";
    /** SLF4J MDC key holding the request id while a request is processed. */
    static final String MDC_REQUEST_ID = "requestId";

    private RestConstants() {
    }
}
