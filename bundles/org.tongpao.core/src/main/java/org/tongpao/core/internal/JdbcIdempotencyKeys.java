package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * Idempotency-Key records in {@code tp_idempotency}. The key is claimed (inserted) before the write,
 * so a concurrent identical request blocks on the unique constraint until the first commits, then
 * fails with 23505, rolls back and finds the first result on its next attempt.
 */
@Component(service = IdempotencyKeys.class)
public class JdbcIdempotencyKeys implements IdempotencyKeys {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcIdempotencyKeys.class);
    private static final int ATTEMPTS = 3;

    /** A concurrent request claimed the same key first. */
    static final class ClaimRace extends DataAccessException {
        private static final long serialVersionUID = 1L;

        ClaimRace(SQLException cause) {
            super("A concurrent request claimed the same Idempotency-Key", cause);
        }
    }

    // Held so that this service only exists once tp_idempotency does.
    @SuppressWarnings("unused")
    private final CoreDatabase db;

    @Activate
    public JdbcIdempotencyKeys(@Reference CoreDatabase db) {
        this.db = db;
    }

    @Override
    public Outcome execute(DataSource ds, Caller caller, String key, String operation, Object request,
            Transactions.Work<Ref> write) {
        if (key == null) {
            return new Outcome(Transactions.inTransaction(ds, write), false);
        }
        IdempotencyKeys.validateKey(key);
        for (int attempt = 1;; attempt++) {
            try {
                return Transactions.inTransaction(ds, c -> {
                    Optional<Ref> prior = claim(c, caller, key, operation, request);
                    if (prior.isPresent()) {
                        return new Outcome(prior.get(), true);
                    }
                    Ref ref = write.apply(c);
                    complete(c, caller, key, ref);
                    return new Outcome(ref, false);
                });
            } catch (ClaimRace e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Idempotency-Key {} of {} raced a concurrent request; reading its result", key,
                        caller.user());
            }
        }
    }

    @Override
    public Optional<Ref> claim(Connection c, Caller caller, String key, String operation, Object request) {
        IdempotencyKeys.validateKey(key);
        String fingerprint = Json.sha256(operation + "\n" + Json.write(request));
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT operation, fingerprint, result_entity, result_id "
                    + "FROM tp_idempotency WHERE actor = ? AND idem_key = ?")) {
                ps.setString(1, caller.user());
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!fingerprint.equals(rs.getString("fingerprint"))) {
                            throw new ConflictException("Idempotency-Key reused with a different request");
                        }
                        String entity = rs.getString("result_entity");
                        if (entity == null) {
                            throw new ConflictException("Idempotency-Key " + key + " has no recorded result");
                        }
                        return Optional.of(new Ref(entity, rs.getString("result_id")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_idempotency "
                    + "(actor, idem_key, operation, fingerprint, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, caller.user());
                ps.setString(2, key);
                ps.setString(3, truncate(operation, 128));
                ps.setString(4, fingerprint);
                Sql.setInstant(ps, 5, Sql.now());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new ClaimRace(e);
                }
                throw e;
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new DataAccessException("Idempotency-Key lookup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void complete(Connection c, Caller caller, String key, Ref ref) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tp_idempotency SET result_entity = ?, result_id = ? "
                + "WHERE actor = ? AND idem_key = ?")) {
            ps.setString(1, ref.entity());
            ps.setString(2, ref.id());
            ps.setString(3, caller.user());
            ps.setString(4, key);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("Idempotency-Key " + key + " was not claimed in this transaction");
            }
        } catch (SQLException e) {
            throw new DataAccessException("Recording the Idempotency-Key result failed: " + e.getMessage(), e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
