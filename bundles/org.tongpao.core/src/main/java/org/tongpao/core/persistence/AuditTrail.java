package org.tongpao.core.persistence;

import java.sql.Connection;
import java.util.Collection;
import java.util.Set;
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

    /**
     * Overwrites, on {@code c} inside the caller's transaction, the values of the JSON fields named {@code fields} (at
     * any depth of the before and after snapshots; null values stay null) with {@code replacement}, in every audit row
     * of {@code entity} whose id is one of {@code entityIds}. For an erasure: free text the snapshots copied (an
     * officer's note naming a donor) must go with the data it was about, while the rows saying who changed what, when,
     * stay. Returns how many rows changed.
     *
     * @since 2.7
     */
    int redact(Connection c, String entity, Collection<String> entityIds, Set<String> fields, String replacement);
}
