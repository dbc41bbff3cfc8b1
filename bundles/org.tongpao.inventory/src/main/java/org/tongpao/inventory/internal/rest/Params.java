package org.tongpao.inventory.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;

/** Query parameters arrive as strings and are parsed here, so a bad value is a 400 naming the parameter. */
final class Params {
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

    static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, name + " must be an ISO-8601 instant, e.g. 2026-02-01T00:00:00Z");
        }
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

    static Response created(UriInfo uriInfo, String path, long id, Object entity) {
        URI location = uriInfo.getBaseUriBuilder().path("inventory").path(path).path(Long.toString(id)).build();
        return Response.created(location).entity(entity).build();
    }
}
