package org.tongpao.core.internal.rest;

import java.util.Locale;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.ValidationException;
import org.tongpao.core.rest.OptionalBody;
import org.tongpao.core.rest.QueryParams;

/**
 * Query parameters arrive as strings and are parsed here, so a bad value is a 400 naming the
 * parameter rather than JAX-RS's default 404 for an unconvertible query parameter.
 */
final class Params {
    private Params() {
    }

    static OrgLevel level(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OrgLevel.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("level", "level must be one of MINISTRY, PROVINCE, PREFECTURE, COUNTY, STATION");
        }
    }

    /** The version to expect on deactivation, from the body or the query (they must agree). */
    static Long version(VersionBody body, String query) {
        Long fromQuery = QueryParams.id("version", query);
        Long fromBody = body == null ? null : body.version();
        if (fromQuery != null && fromBody != null && !fromQuery.equals(fromBody)) {
            throw new ValidationException("version", "version in the body and the query differ");
        }
        return fromBody != null ? fromBody : fromQuery;
    }

    /**
     * The optional body of a deactivation, read as text: the JSON provider refuses an empty body,
     * and a deactivation by query parameter (or with no version) needs none.
     */
    static VersionBody versionBody(String body) {
        return OptionalBody.parse(body, VersionBody.class, "version", "the body must be {\"version\": <number>} or empty");
    }
}
