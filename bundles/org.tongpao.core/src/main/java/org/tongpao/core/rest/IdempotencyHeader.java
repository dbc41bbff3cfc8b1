package org.tongpao.core.rest;

import io.swagger.v3.oas.annotations.Parameter;
import javax.ws.rs.HeaderParam;

/**
 * The optional {@code Idempotency-Key} header of every write, with its one OpenAPI description, as one
 * JAX-RS {@code @BeanParam IdempotencyHeader idempotency}.
 */
public class IdempotencyHeader {
    /** The header's name. */
    public static final String NAME = "Idempotency-Key";

    @Parameter(description = "Repeat-safe key: a retry with the same key returns the first result")
    @HeaderParam(NAME)
    private String key;

    /** The key as sent, or null. */
    public String key() {
        return key;
    }

    /** The key as sent (the OpenAPI generator reads the parameter through this getter). */
    public String getKey() {
        return key;
    }
}
