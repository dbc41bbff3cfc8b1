package org.tongpao.core.persistence;

import java.sql.Connection;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/** Who changed what, when, where and through which request; one row per change. */
@ProviderType
public interface AuditTrail {

    /**
     * Writes one audit row on {@code c}, inside the caller's transaction, so the row exists exactly
     * when the change does. {@code before}/{@code after} are serialised as JSON (null allowed).
     */
    void record(Connection c, Caller caller, String entity, String entityId, String action, Object before,
            Object after);

    /**
     * Lists audit rows, oldest first; every filter may be null. Ministry roles and auditors only
     * ({@link org.tongpao.core.AccessDeniedException} otherwise).
     */
    Page<AuditEntry> list(Caller caller, String entity, String entityId, String actor, int limit, String cursor);

    /**
     * Reads the audit rows matching {@code query}, newest first, one keyset page at a time ({@code limit}
     * null for the default; {@code cursor} from the previous page). The ministry administrator and auditors
     * only ({@link org.tongpao.core.AccessDeniedException} otherwise): it shows every province's changes.
     *
     * @since 1.2
     */
    Page<AuditEntry> find(Caller caller, AuditQuery query, Integer limit, String cursor);
}
