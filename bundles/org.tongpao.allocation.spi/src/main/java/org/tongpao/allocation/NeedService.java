package org.tongpao.allocation;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/**
 * Needs and key areas. Scope: a province officer records and sees the needs of its own province only
 * (another province's need is 404); ministry roles everything; auditors read only. Key areas are
 * declared and removed by ministry roles. {@code idempotencyKey} may be null.
 */
@ProviderType
public interface NeedService {

    Page<Need> list(Caller caller, NeedFilter filter, int limit, String cursor);

    Need get(Caller caller, long id);

    Need create(Caller caller, NewNeed command, String idempotencyKey);

    /** Cancels what is still open; refused (409) when fulfilled or already cancelled. */
    Need cancel(Caller caller, long id, String idempotencyKey);

    /**
     * Stores the need another node raised, as it stands there ({@code replica.source()} names it,
     * {@code province:42/17}): the national picture at central. The caller must be able to write for the need's
     * unit (a province's link acts as that province's officer: another province's unit is the 404 of an unknown
     * one). A replica no newer than the stored one ({@code version}) changes nothing, so late or repeated copies
     * never roll a need back. A replicated need is read-only otherwise ({@link #cancel} answers 409 naming its node).
     *
     * @since 1.3
     */
    Need replicate(Caller caller, NeedReplica replica);

    /**
     * Restores needs this node raised, from the copies central keeps of them, when the node is rebuilt from central
     * (federation): each is stored under its own id here (the number after the last {@code /} of
     * {@code source()}, e.g. 17 of {@code province:42/17}) as this node's need, with its quantities, state,
     * times and version; one whose id is already here changes nothing. The numbering of new needs continues above
     * them. Only a ministry administrator (the rebuild acts as central); no event is recorded (nothing changed).
     *
     * @return the needs as stored here
     * @since 1.5
     */
    List<Need> restore(Caller caller, List<NeedReplica> needs);

    /**
     * The copies kept here of the needs node {@code node} raised (their {@code source} is {@code <node>/<id>}), in one
     * of {@code states} (empty: any), oldest first, a page at a time: what one province's rebuild reads at central,
     * without reading the country's needs. Scoped like {@link #list}.
     *
     * @since 1.6
     */
    Page<Need> replicasOf(Caller caller, String node, Set<NeedState> states, int limit, String cursor);

    List<KeyArea> keyAreas(Caller caller);

    KeyArea declareKeyArea(Caller caller, NewKeyArea command, String idempotencyKey);

    void removeKeyArea(Caller caller, long id, String idempotencyKey);
}
