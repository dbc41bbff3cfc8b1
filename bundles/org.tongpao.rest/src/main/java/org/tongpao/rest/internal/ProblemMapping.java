package org.tongpao.rest.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.validation.ConstraintViolation;
import javax.validation.ConstraintViolationException;
import javax.validation.ElementKind;
import javax.validation.Path;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.NoContentException;
import javax.ws.rs.core.Response;
import org.apache.cxf.validation.ResponseConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.RetryLater;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.ForwardingUnavailableException;
import org.tongpao.core.persistence.TransientDataAccessException;
import org.tongpao.core.persistence.TransientRetry;

/**
 * Turns any exception into a problem. Pure, so every mapping is unit-tested; the exception mappers
 * only add the request's path and id. Details come from our own domain messages or fixed texts,
 * never from third-party exception messages, so no class names or stack traces reach a client.
 */
final class ProblemMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    private ProblemMapping() {
    }

    static Problem map(Throwable ex, String instance, String requestId) {
        PayloadTooLargeException tooLarge = tooLarge(ex);
        if (tooLarge != null) {
            // the body passed its limit while a reader consumed it, and the reader (Jackson) wrapped that
            return webApplication(tooLarge, instance, requestId);
        }
        if (ex instanceof ForwardingUnavailableException) {
            // the node is starting or stopping its federation: nothing was written, the same request goes again
            LOG.warn("Not ready on {} (request {}): {}", instance, requestId, ex.getMessage());
            return Problems.problem(503, "service-unavailable", "Service unavailable",
                    "the node is starting or stopping and cannot forward this change yet; nothing was written: try"
                    + " again shortly (request id " + requestId + ")", instance, requestId);
        }
        if (ex instanceof TransientDataAccessException || Sql.isTransientLock(ex)) {
            return busy(ex, instance, requestId);
        }
        if (ex instanceof TongpaoException te) {
            return domain(te, instance, requestId);
        }
        if (ex instanceof ResponseConstraintViolationException) {
            // the server produced an invalid response: our bug, not the client's
            return internal(ex, instance, requestId);
        }
        if (ex instanceof ConstraintViolationException cve) {
            return constraintViolations(cve, instance, requestId);
        }
        if (ex instanceof JsonProcessingException jpe) {
            return json(jpe, instance, requestId);
        }
        if (ex instanceof WebApplicationException wae) {
            return webApplication(wae, instance, requestId);
        }
        if (ex instanceof NoContentException) {
            return malformedJson("request body is empty", instance, requestId);
        }
        return internal(ex, instance, requestId);
    }

    private static PayloadTooLargeException tooLarge(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PayloadTooLargeException ptl) {
                return ptl;
            }
        }
        return null;
    }

    private static Problem domain(TongpaoException ex, String instance, String requestId) {
        if (ex instanceof ValidationException ve) {
            return Problems.badRequest("validation", "Invalid request", ve.getMessage(), ve.field(), instance,
                    requestId, null);
        }
        if (ex instanceof NotFoundException nfe) {
            // a body id that names nothing the caller can see names its field, like a 400
            return Problems.notFound(nfe.getMessage(), nfe.field(), instance, requestId);
        }
        if (ex instanceof AccessDeniedException) {
            return Problems.problem(403, "forbidden", "Forbidden", ex.getMessage(), instance, requestId);
        }
        if (ex instanceof ConflictException ce) {
            return Problems.conflict(ce.getMessage(), ce.field(), instance, requestId);
        }
        return internal(ex, instance, requestId);
    }

    static Problem constraintViolations(ConstraintViolationException ex, String instance, String requestId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : ex.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        String field = errors.isEmpty() ? null : errors.get(0).field();
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return Problems.badRequest("validation", "Invalid request", detail, field, instance, requestId, errors);
    }

    /**
     * The JSON name of a violated property: the method and parameter nodes are dropped
     * ({@code create.arg0.code} becomes {@code code}); a constraint on the parameter itself keeps
     * the parameter name.
     */
    static String fieldOf(Path path) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && sb.length() > 0) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && sb.length() > 0) {
                sb.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        if (sb.length() > 0) {
            return sb.toString();
        }
        return parameter != null ? parameter : path.toString();
    }

    private static Problem json(JsonProcessingException ex, String instance, String requestId) {
        if (ex instanceof JsonParseException) {
            return malformedJson("request body is not valid JSON", instance, requestId);
        }
        if (ex instanceof InvalidDefinitionException) {
            // a DTO Jackson cannot bind is a server bug
            return internal(ex, instance, requestId);
        }
        if (ex instanceof JsonMappingException jme) {
            String field = pathOf(jme);
            if (ex instanceof UnrecognizedPropertyException upe) {
                String name = field != null ? field : upe.getPropertyName();
                return Problems.badRequest("validation", "Invalid request", "unknown property '" + name + "'",
                        name, instance, requestId, null);
            }
            if (ex instanceof InvalidFormatException || (ex instanceof MismatchedInputException mie
                    && mie.getTargetType() != null && field != null)) {
                Class<?> target = ((MismatchedInputException) ex).getTargetType();
                return Problems.badRequest("validation", "Invalid request",
                        "'" + field + "' must be " + describe(target), field, instance, requestId, null);
            }
            if (ex instanceof ValueInstantiationException && ex.getCause() instanceof ValidationException ve) {
                // a DTO constructor rejected its input with our own exception
                return Problems.badRequest("validation", "Invalid request", ve.getMessage(), ve.field(), instance,
                        requestId, null);
            }
            if (field != null) {
                return Problems.badRequest("validation", "Invalid request", "'" + field + "' has an invalid value",
                        field, instance, requestId, null);
            }
            return malformedJson("request body does not have the expected JSON shape", instance, requestId);
        }
        return malformedJson("request body is not valid JSON", instance, requestId);
    }

    private static Problem malformedJson(String detail, String instance, String requestId) {
        return Problems.badRequest("malformed-json", "Malformed JSON", "malformed JSON: " + detail, null, instance,
                requestId, List.of());
    }

    /** {@code lines[0].quantity} from Jackson's reference chain, or null at the root. */
    static String pathOf(JsonMappingException ex) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** A client-facing name of the expected JSON type; never a Java class name. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isPrimitive() && type != boolean.class && type != char.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + names;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (java.time.temporal.TemporalAmount.class.isAssignableFrom(type)) {
            return "an ISO-8601 duration such as \"PT1H\"";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static Problem webApplication(WebApplicationException ex, String instance, String requestId) {
        if (ex instanceof PayloadTooLargeException ptl) {
            return Problems.problem(413, "payload-too-large", "Payload too large",
                    "request body exceeds " + ptl.limit() + " bytes", instance, requestId);
        }
        for (Throwable c = ex.getCause(); c != null; c = c.getCause()) {
            if (c instanceof NoContentException) {
                return malformedJson("request body is empty", instance, requestId);
            }
            if (c instanceof JsonProcessingException || c instanceof TongpaoException) {
                return map(c, instance, requestId);
            }
        }
        int status = ex.getResponse() == null ? 500 : ex.getResponse().getStatus();
        if (status == 500) {
            return internal(ex, instance, requestId);
        }
        if (status > 500) {
            // deliberate (e.g. 503 while a dependency is down): keep the status, log the cause
            LOG.error("Server error {} on {} (request {})", status, instance, requestId, ex);
        }
        Response.StatusType st = Response.Status.fromStatusCode(status);
        String title = st != null ? st.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 400 -> "the request is not valid";
            case 401 -> "authentication required";
            case 403 -> "not allowed";
            case 404 -> "no resource at this path";
            case 405 -> "method not allowed on this resource";
            case 406 -> "no representation matches the Accept header";
            case 412 -> "the resource changed since the version named in If-Match; read it again";
            case 415 -> "unsupported Content-Type";
            case 503 -> "the service is temporarily unavailable; quote request id " + requestId;
            default -> title;
        };
        String kind = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 415 -> "unsupported-media-type";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        };
        if (status == 400) {
            return Problems.badRequest(kind, title, detail, null, instance, requestId, List.of());
        }
        return Problems.problem(status, kind, title, detail, instance, requestId);
    }

    /** A lock the database kept giving up on (after core's retries): 503, to be tried again, never a 500. */
    private static Problem busy(Throwable ex, String instance, String requestId) {
        LOG.warn("Database busy on {} (request {}): {}", instance, requestId, ex.getMessage());
        return Problems.problem(503, "service-unavailable", "Service unavailable",
                "the database is busy with concurrent changes; try again shortly (request id " + requestId + ")",
                instance, requestId);
    }

    /**
     * Seconds for {@code Retry-After}: what a {@link RetryLater} failure says (503 busy, 409 "a request with this
     * Idempotency-Key is in progress"), else one second for any other 503; null otherwise.
     */
    static Integer retryAfter(Throwable ex, Problem problem) {
        if (ex instanceof RetryLater later) {
            return later.retryAfterSeconds();
        }
        return problem.status() == 503 ? TransientRetry.RETRY_AFTER_SECONDS : null;
    }

    private static Problem internal(Throwable ex, String instance, String requestId) {
        LOG.error("Unexpected error on {} (request {})", instance, requestId, ex);
        return Problems.problem(500, "internal", "Internal error",
                "the server could not complete the request; quote request id " + requestId, instance, requestId);
    }
}
