package org.tongpao.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.ws.rs.core.Response;

/** Builds problem responses. The body is serialized here so it is written whatever the Accept header said. */
final class Problems {
    private static final ObjectMapper MAPPER = JsonSupport.objectMapper();

    private Problems() {
    }

    static Problem problem(int status, String kind, String title, String detail, String instance, String requestId) {
        return new Problem(RestConstants.PROBLEM_TYPE_PREFIX + kind, title, status, detail, instance, requestId,
                null, null);
    }

    /** 404; {@code field} (may be null) names the body field whose id names nothing the caller can see. */
    static Problem notFound(String detail, String field, String instance, String requestId) {
        return new Problem(RestConstants.PROBLEM_TYPE_PREFIX + "not-found", "Not found", 404, detail, instance,
                requestId, field, null);
    }

    /** 409; {@code field} (may be null) names the request field the conflict is about. */
    static Problem conflict(String detail, String field, String instance, String requestId) {
        return new Problem(RestConstants.PROBLEM_TYPE_PREFIX + "conflict", "Conflict", 409, detail, instance,
                requestId, field, null);
    }

    static Problem badRequest(String kind, String title, String detail, String field, String instance,
            String requestId, List<Problem.FieldError> errors) {
        List<Problem.FieldError> all = errors != null ? errors
                : field == null ? List.of() : List.of(new Problem.FieldError(field, detail));
        return new Problem(RestConstants.PROBLEM_TYPE_PREFIX + kind, title, 400, detail, instance, requestId,
                field, all);
    }

    static byte[] toJson(Problem p) {
        try {
            return MAPPER.writeValueAsBytes(p);
        } catch (JsonProcessingException e) {
            // a record of strings always serializes; reaching this is a programming error
            throw new IllegalStateException("cannot serialize problem", e);
        }
    }

    static Response.ResponseBuilder builder(Problem p) {
        return Response.status(p.status()).type(RestConstants.PROBLEM_JSON).entity(toJson(p));
    }

    static Response response(Problem p) {
        return builder(p).build();
    }
}
