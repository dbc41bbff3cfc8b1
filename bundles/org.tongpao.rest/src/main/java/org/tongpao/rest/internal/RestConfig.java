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

    @AttributeDefinition(description = "How long a successful login is remembered, in seconds (0: check every request)",
            min = "0")
    int authCacheSeconds() default 30;

    @AttributeDefinition(description = "Scheme, host, port (and path prefix) clients reach this node at, e.g. "
            + "https://tongpao.example.gov.cn behind a reverse proxy; absolute URLs (Location) are built from it, never "
            + "from the Host header. Empty: the listener the request came in on, e.g. http://127.0.0.1:8181")
    String publicBaseUrl() default "";
}
