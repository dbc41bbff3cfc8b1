package org.tongpao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** An RFC 7807 problem as Tongpao answers it; {@code field} on 400s, on 404s for an id named in the body and on 409s about a field, {@code errors} only on 400s. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "field", "errors"})
public record Problem(String type, String title, int status, String detail, String instance,
        String requestId, String field, List<FieldError> errors) {

    /** One offending field of a 400. */
    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }
}
