package org.tongpao.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.tongpao.rest", name = "Tongpao REST server",
        description = "The one JAX-RS server every Tongpao bundle extends")
public @interface RestConfig {

    @AttributeDefinition(description = "Address below the CXF servlet context (org.apache.cxf.servlet.context)")
    String address() default "/v1";

    @AttributeDefinition(description = "JAAS realm checked by HTTP Basic authentication")
    String realm() default "tongpao";

    @AttributeDefinition(description = "Largest accepted request body, in bytes (larger: 413)", min = "1")
    long maxBodyBytes() default 1048576L;

    @AttributeDefinition(description = "Limits of the operations that declare a larger body limit of their own "
            + "(@BodyLimit, e.g. the imports' 64 MiB), as name=bytes (comma-separated), e.g. import=268435456; "
            + "empty: the declared limits", required = false)
    String[] bodyLimits() default {};

    @AttributeDefinition(description = "How long a successful login is remembered, in seconds (0: check every request)",
            min = "0")
    int authCacheSeconds() default 30;

    // Failed-login throttle (docs/security.md explains the rules and the figures they give)

    @AttributeDefinition(description = "Failed logins of one account from one address before delays start", min = "0")
    int loginFreeFailures() default 3;

    @AttributeDefinition(description = "First delay after the free failures, in seconds; it doubles with each further failure",
            min = "0")
    int loginDelaySeconds() default 1;

    @AttributeDefinition(description = "Longest such delay, in seconds", min = "0")
    int loginMaxDelaySeconds() default 30;

    @AttributeDefinition(description = "Failed logins of one account from one address that lock that pair", min = "1")
    int loginLockAfter() default 10;

    @AttributeDefinition(description = "How long a lock lasts, in minutes (429 with Retry-After meanwhile)", min = "1")
    int loginLockMinutes() default 15;

    @AttributeDefinition(description = "Failed logins of one account from all addresses after which every failing "
            + "address waits loginAccountDelaySeconds before its next try for it (never a lock)", min = "1")
    int loginAccountDelayAfter() default 20;

    @AttributeDefinition(description = "That per-account wait, in seconds", min = "0")
    int loginAccountDelaySeconds() default 10;

    @AttributeDefinition(description = "Failed logins from one address across all accounts that lock the address",
            min = "1")
    int loginAddressLockAfter() default 50;

    @AttributeDefinition(description = "Failures are forgotten after this many minutes without one", min = "1")
    int loginWindowMinutes() default 60;

    @AttributeDefinition(description = "Overrides of @RateLimited operations' limits per client address, as "
            + "name=requests/seconds (comma-separated), e.g. pass-verification=120/60; empty: the declared limits",
            required = false)
    String[] rateLimits() default {};

    @AttributeDefinition(description = "Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated); "
            + "empty: the header is ignored and the connection's address counts", required = false)
    String[] trustedProxies() default {};

    @AttributeDefinition(description = "A browser session (POST /session) ends after this many minutes without a "
            + "request", min = "1")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "... and at the latest this many hours after its login", min = "1")
    int sessionMaxHours() default 12;

    @AttributeDefinition(description = "Scheme, host, port (and path prefix) clients reach this node at, e.g. "
            + "https://tongpao.example.gov.cn behind a reverse proxy; absolute URLs (Location) are built from it, never "
            + "from the Host header. Empty: the listener the request came in on, e.g. http://127.0.0.1:8181")
    String publicBaseUrl() default "";
}
