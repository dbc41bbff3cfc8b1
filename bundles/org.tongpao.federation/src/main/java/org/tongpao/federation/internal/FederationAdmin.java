package org.tongpao.federation.internal;

import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/**
 * The operators' side of federation (internal, for this bundle's REST resource and console commands): the links'
 * state and the parked messages, each filtered to what the caller may see.
 */
public interface FederationAdmin {

    /**
     * This node's links: every link for the ministry and auditors, a province officer only its own province's;
     * anyone else is refused ({@link org.tongpao.core.AccessDeniedException}).
     */
    FederationStatus status(Caller caller);

    /** Parked messages, oldest first, keyset paged; the same visibility as {@link #status}. */
    Page<ParkedMessage> parked(Caller caller, String link, String type, ParkReason reason, Boolean resolved, int limit,
            String cursor);

    /** Applies parked message {@code seq} again now (ministry, or a province officer on its own link). */
    ParkedMessage retry(Caller caller, long seq);
}
