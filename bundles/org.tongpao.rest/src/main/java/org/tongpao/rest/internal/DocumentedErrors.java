package org.tongpao.rest.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Completes the generated OpenAPI document with what every operation shares, so that no resource has to
 * repeat it: the RFC 7807 {@code Problem} schema and the error answers the server's filters and mappers
 * give (by method, body and security), a 200 in place of swagger's {@code default} for methods that
 * return an entity, and {@code nullable} on optional properties (the API writes absent values as
 * {@code null}). Idempotent: CXF applies it to the same cached document on every request for it.
 */
final class DocumentedErrors {
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String REF = "#/components/responses/";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** The shared error answers: status → (component name, description). */
    enum Answer {
        BAD_REQUEST("400", "BadRequest", "Invalid request: `field` names the offending parameter or body field"),
        UNAUTHORIZED("401", "Unauthorized", "No or wrong credentials (HTTP Basic)"),
        FORBIDDEN("403", "Forbidden", "The caller's role or scope does not allow this"),
        NOT_FOUND("404", "NotFound", "Nothing with this id, or nothing the caller may see"),
        CONFLICT("409", "Conflict", "The change conflicts with the current state: a stale `version`, not enough "
                + "stock, a duplicate, or an `Idempotency-Key` reused with another request"),
        PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "The request body is larger than the server accepts"),
        UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The body is not `application/json`"),
        TOO_MANY_REQUESTS("429", "TooManyRequests", "Too many failed logins, or too many calls of a "
                + "rate-limited operation from this address: retry after `Retry-After` seconds"),
        INTERNAL("500", "InternalError", "Unexpected error; the log has the details under `requestId`"),
        UNAVAILABLE("503", "ServiceUnavailable", "Temporarily unavailable (a database lock that persisted, or the "
                + "node is not ready): retry after `Retry-After` seconds");

        final String status;
        final String component;
        final String description;

        Answer(String status, String component, String description) {
            this.status = status;
            this.component = component;
            this.description = description;
        }
    }

    private DocumentedErrors() {
    }

    /**
     * Completes {@code oas} once it has paths; later calls on the same (cached) document change nothing, so
     * that no request serialises it while another one is still completing it.
     */
    static void complete(OpenAPI oas) {
        if (oas == null) {
            return;
        }
        synchronized (oas) {
            if (oas.getPaths() == null || oas.getPaths().isEmpty() || isComplete(oas)) {
                return;
            }
            if (oas.getComponents() == null) {
                oas.setComponents(new Components());
            }
            Components components = oas.getComponents();
            if (components.getSchemas() != null) {
                Set<String> optionalRefs = new HashSet<>();
                components.getSchemas().values().forEach(schema -> nullableOptionals(schema, optionalRefs));
                // a $ref cannot carry "nullable" (OpenAPI 3.0 ignores its siblings, validators reject null under
                // an allOf wrapper): the referenced schema says it instead
                optionalRefs.stream()
                        .map(ref -> components.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1)))
                        .filter(Objects::nonNull).forEach(schema -> schema.setNullable(true));
            }
            oas.getPaths().values().forEach(item -> item.readOperationsMap()
                    .forEach((method, op) -> complete(method, op, oas.getSecurity() != null)));
            addShared(components); // last: its presence marks the document complete
        }
    }

    private static boolean isComplete(OpenAPI oas) {
        return oas.getComponents() != null && oas.getComponents().getSchemas() != null
                && oas.getComponents().getSchemas().containsKey(PROBLEM);
    }

    private static void addShared(Components components) {
        for (Answer a : Answer.values()) {
            ApiResponse r = new ApiResponse().description(a.description)
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            if (a == Answer.UNAUTHORIZED) {
                r.addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"tongpao\"")
                        .schema(new StringSchema()));
            }
            if (a == Answer.TOO_MANY_REQUESTS || a == Answer.UNAVAILABLE) {
                r.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                        .schema(new IntegerSchema()));
            }
            components.addResponses(a.component, r);
        }
        components.addSchemas(PROBLEM, problemSchema());
    }

    /** RFC 7807 as {@link Problem} writes it; {@code field} and {@code errors} only on 400s. */
    static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An error (RFC 7807); every error the API answers has this shape")
                .addProperty("type", new StringSchema().example("urn:tongpao:problem:validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("requestId", new StringSchema())
                .addProperty("field", new StringSchema().description("The offending field or parameter (400)"))
                .addProperty("errors", new ArraySchema().items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    private static void complete(PathItem.HttpMethod method, Operation op, boolean globalSecurity) {
        ApiResponses responses = op.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            op.setResponses(responses);
        }
        // swagger documents a returned entity as "default"; JAX-RS answers it with 200
        ApiResponse fallback = responses.get("default");
        if (fallback != null && responses.keySet().stream().noneMatch(k -> k.startsWith("2"))) {
            responses.remove("default");
            responses.addApiResponse("200", fallback.description("OK"));
        }
        // an operation-level "security: []" marks a public operation (@PermitAll)
        boolean secured = op.getSecurity() == null ? globalSecurity : !op.getSecurity().isEmpty();
        boolean body = op.getRequestBody() != null;
        List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
        boolean pathParams = params.stream().anyMatch(p -> "path".equals(p.getIn()));
        boolean otherParams = params.stream().anyMatch(p -> !"path".equals(p.getIn()));
        boolean write = WRITES.contains(method);

        if (body || otherParams) {
            add(responses, Answer.BAD_REQUEST);
        }
        if (secured) {
            add(responses, Answer.UNAUTHORIZED);
            add(responses, Answer.FORBIDDEN);
            add(responses, Answer.TOO_MANY_REQUESTS);
        }
        if (secured && (pathParams || body || otherParams)) {
            add(responses, Answer.NOT_FOUND);
        }
        if (secured && write) {
            add(responses, Answer.CONFLICT);
        }
        if (body) {
            add(responses, Answer.PAYLOAD_TOO_LARGE);
            add(responses, Answer.UNSUPPORTED_MEDIA_TYPE);
        }
        add(responses, Answer.INTERNAL);
        add(responses, Answer.UNAVAILABLE);
    }

    private static void add(ApiResponses responses, Answer a) {
        if (!responses.containsKey(a.status)) {
            responses.addApiResponse(a.status, new ApiResponse().$ref(REF + a.component));
        }
    }

    /**
     * Jackson writes an absent value as {@code null}: say so for every property that is not required, and
     * collect the schemas such properties refer to.
     */
    @SuppressWarnings("rawtypes")
    private static void nullableOptionals(Schema<?> schema, Set<String> optionalRefs) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            properties.forEach((name, p) -> {
                if (!required.contains(name)) {
                    if (p.get$ref() != null) {
                        optionalRefs.add(p.get$ref());
                    } else {
                        p.setNullable(true);
                    }
                }
                nullableOptionals(p, optionalRefs);
            });
        }
        if (schema.getItems() != null) {
            nullableOptionals(schema.getItems(), optionalRefs);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            nullableOptionals(values, optionalRefs);
        }
    }
}
