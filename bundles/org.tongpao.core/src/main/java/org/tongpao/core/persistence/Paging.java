package org.tongpao.core.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;

/**
 * Keyset paging over an ascending id: fetch {@code limit + 1} rows with {@code id > after}, and the
 * extra row tells whether a next page exists. The cursor is opaque to clients.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final String PREFIX = "id:";

    private Paging() {
    }

    /** The page size to use: {@code DEFAULT_LIMIT} when null, else 1..{@code MAX_LIMIT}. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** The id after which the page starts: 0 for a null or blank cursor. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new ValidationException("cursor", "invalid cursor");
            }
            long id = Long.parseLong(raw.substring(PREFIX.length()));
            if (id < 0) {
                throw new ValidationException("cursor", "invalid cursor");
            }
            return id;
        } catch (IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException too
            throw new ValidationException("cursor", "invalid cursor");
        }
    }

    public static String cursor(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** Builds the page from up to {@code limit + 1} fetched rows. */
    public static <T> Page<T> page(List<T> fetched, int limit, ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursor(id.applyAsLong(items.get(limit - 1))));
    }

    /** The SQL tail for a keyset page: {@code ORDER BY id FETCH FIRST limit+1 ROWS ONLY}. */
    public static String orderAndFetch(String idColumn, int limit) {
        return " ORDER BY " + idColumn + " FETCH FIRST " + (limit + 1) + " ROWS ONLY";
    }
}
