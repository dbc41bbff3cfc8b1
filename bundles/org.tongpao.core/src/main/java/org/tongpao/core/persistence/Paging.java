package org.tongpao.core.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /**
     * A filtered keyset page's conditions and tail: {@code WHERE id > after}, then each filter that is given, then
     * {@link #orderAndFetch}; what every list with optional filters writes. {@code sql()} goes after the
     * {@code FROM}, {@code args()} are its arguments in order.
     *
     * @since 2.7
     */
    public static final class Query {
        private final String idColumn;
        private final int limit;
        private final StringBuilder where;
        private final List<Object> args = new ArrayList<>();

        public Query(String idColumn, long after, int limit) {
            this.idColumn = idColumn;
            this.limit = limit;
            this.where = new StringBuilder(" WHERE ").append(idColumn).append(" > ?");
            args.add(after);
        }

        /** Adds {@code AND column = value}, unless {@code value} is null (no filter); an enum by its name. */
        public Query equal(String column, Object value) {
            if (value != null) {
                where.append(" AND ").append(column).append(" = ?");
                args.add(value instanceof Enum<?> e ? e.name() : value);
            }
            return this;
        }

        /** Adds {@code AND (condition)} with its arguments (a scope rule's SQL form). */
        public Query and(String condition, List<?> values) {
            where.append(" AND (").append(condition).append(")");
            args.addAll(values);
            return this;
        }

        public String sql() {
            return where + orderAndFetch(idColumn, limit);
        }

        public List<Object> args() {
            return new ArrayList<>(args);
        }
    }

    /** The SQL tail for a keyset page: {@code ORDER BY id FETCH FIRST limit+1 ROWS ONLY}. */
    public static String orderAndFetch(String idColumn, int limit) {
        return " ORDER BY " + idColumn + " FETCH FIRST " + (limit + 1) + " ROWS ONLY";
    }
}
