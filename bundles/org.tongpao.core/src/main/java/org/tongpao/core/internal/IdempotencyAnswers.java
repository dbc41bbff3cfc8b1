package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.IdempotencyKeys.Answer;
import org.tongpao.core.persistence.Jdbc;

/**
 * The answer a settled Idempotency-Key replays ({@link org.tongpao.core.persistence.IdempotencyKeys#answer}): its
 * status, type and location on the key's row in {@code tp_idempotency}, its body in chunks in
 * {@code tp_idempotency_answer}. Apart from {@link JdbcIdempotencyKeys}, which owns the life of the key itself.
 */
final class IdempotencyAnswers {
    /** Derby's VARCHAR holds 32,672 characters. */
    static final int CHUNK_CHARS = 32_000;

    private IdempotencyAnswers() {
    }

    /** Stores the candidate when the settled key has no answer yet; the answer the key keeps, if any. */
    static Optional<Answer> answer(Connection c, String actor, String key, Answer candidate) throws SQLException {
        if (candidate != null && store(c, actor, key, candidate)) {
            return Optional.of(candidate);
        }
        return stored(c, actor, key);
    }

    /** Drops the stored answers of the keys whose result is one of these records. */
    static int forget(Connection c, String entity, Collection<String> ids) {
        int forgotten = 0;
        List<String> all = List.copyOf(ids);
        // in slices, so the IN list stays far below any driver's parameter limit
        for (int from = 0; from < all.size(); from += 500) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + 500));
            String in = String.join(", ", Collections.nCopies(slice.size(), "?"));
            List<Object> args = new ArrayList<>();
            args.add(entity);
            args.addAll(slice);
            try {
                Jdbc.update(c, "DELETE FROM tp_idempotency_answer WHERE EXISTS (SELECT 1 "
                        + "FROM tp_idempotency k WHERE k.actor = tp_idempotency_answer.actor AND k.idem_key = "
                        + "tp_idempotency_answer.idem_key AND k.result_entity = ? AND k.result_id IN (" + in + "))",
                        args);
                forgotten += Jdbc.update(c, "UPDATE tp_idempotency SET answer_status = "
                        + "NULL, answer_type = NULL, answer_location = NULL WHERE result_entity = ? AND result_id IN ("
                        + in + ") AND answer_status IS NOT NULL", args);
            } catch (SQLException e) {
                throw new DataAccessException("Could not forget the answers of " + entity + " records", e);
            }
        }
        return forgotten;
    }

    /** Stores the answer of a settled key that has none yet; false when it has one (or is not settled). */
    private static boolean store(Connection c, String actor, String key, Answer a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tp_idempotency SET answer_status = ?, answer_type = ?, "
                + "answer_location = ? WHERE actor = ? AND idem_key = ? AND state IN (?, ?) "
                + "AND answer_status IS NULL")) {
            ps.setInt(1, a.status());
            ps.setString(2, JdbcIdempotencyKeys.cut(a.contentType(), 128));
            ps.setString(3, a.location());
            ps.setString(4, actor);
            ps.setString(5, key);
            ps.setString(6, JdbcIdempotencyKeys.DONE);
            ps.setString(7, JdbcIdempotencyKeys.FAILED);
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        if (a.body() != null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_idempotency_answer (actor, idem_key, "
                    + "chunk_no, body) VALUES (?, ?, ?, ?)")) {
                List<String> chunks = chunks(a.body());
                for (int i = 0; i < chunks.size(); i++) {
                    ps.setString(1, actor);
                    ps.setString(2, key);
                    ps.setInt(3, i + 1);
                    ps.setString(4, chunks.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return true;
    }

    private static Optional<Answer> stored(Connection c, String actor, String key) throws SQLException {
        int status;
        String type;
        String location;
        try (PreparedStatement ps = c.prepareStatement("SELECT answer_status, answer_type, answer_location "
                + "FROM tp_idempotency WHERE actor = ? AND idem_key = ? AND answer_status IS NOT NULL")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                status = rs.getInt(1);
                type = rs.getString(2);
                location = rs.getString(3);
            }
        }
        StringBuilder body = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM tp_idempotency_answer "
                + "WHERE actor = ? AND idem_key = ? ORDER BY chunk_no")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    body = body == null ? new StringBuilder() : body;
                    body.append(rs.getString(1));
                }
            }
        }
        return Optional.of(new Answer(status, type, location, body == null ? null : body.toString()));
    }

    /** The body in pieces of at most {@link #CHUNK_CHARS} characters (one empty piece for an empty body). */
    static List<String> chunks(String body) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < body.length()) {
            int end = Math.min(body.length(), start + CHUNK_CHARS);
            if (end < body.length() && Character.isHighSurrogate(body.charAt(end - 1))) {
                end--; // never split a character in two
            }
            chunks.add(body.substring(start, end));
            start = end;
        }
        if (chunks.isEmpty()) {
            chunks.add("");
        }
        return chunks;
    }
}
