package org.tongpao.allocation.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Locale;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;

/** Query parameters arrive as strings and are parsed here, so a bad value is a 400 naming the parameter. */
final class Params {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Params() {
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return Paging.DEFAULT_LIMIT;
        }
        try {
            return Paging.limit(Integer.valueOf(raw.strip()));
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "limit must be a whole number between 1 and " + Paging.MAX_LIMIT);
        }
    }

    static Long id(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, name + " must be a numeric id");
        }
    }

    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * An optional JSON body read as text: the JSON provider refuses an empty body, and these
     * operations need none.
     */
    static <T> T optionalBody(String body, Class<T> type, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ValidationException(field, "the body is not valid JSON for this operation: "
                    + e.getOriginalMessage());
        }
    }

    static Response created(UriInfo uriInfo, String collection, long id, Object entity) {
        URI location = uriInfo.getBaseUriBuilder().path(collection).path(Long.toString(id)).build();
        return Response.created(location).entity(entity).build();
    }
}
