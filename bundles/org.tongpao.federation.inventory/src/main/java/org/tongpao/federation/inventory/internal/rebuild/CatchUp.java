package org.tongpao.federation.inventory.internal.rebuild;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tongpao.core.ConflictException;
import org.tongpao.federation.LinkStatus;

/**
 * Whether central has caught up with a province, so that its state is everything the province ever sent. Central
 * knows: the messages waiting in the province's up queue at its broker, the province's messages it parked, and the
 * last message it received. It cannot know what the province recorded but never sent (its outbox was lost with
 * its disk): the rebuild restores the province as of the last message central received, and says when that was.
 *
 * @param link       the province's link as central's federation reports it (empty: no link known)
 * @param upBacklog  messages waiting in the province's up queue (empty: the broker could not be asked)
 */
record CatchUp(String province, Optional<LinkStatus> link, OptionalLong upBacklog) {

    /**
     * Refuses (409) while the province's messages are still queued or parked at central, or while the queue of a
     * federated province (one with a link) cannot be read.
     */
    void require() {
        if (link.isPresent() && upBacklog.isEmpty()) {
            throw new ConflictException("central cannot read the up queue of province " + province + " at its broker,"
                    + " so it cannot tell whether it has caught up with it; retry when the broker answers");
        }
        long queued = upBacklog.orElse(0);
        long parked = link.map(LinkStatus::parked).orElse(0L);
        if (queued > 0 || parked > 0) {
            throw new ConflictException("central has not caught up with province " + province + ": " + queued
                    + " message(s) from it still wait in its up queue and " + parked + " are parked (see GET"
                    + " /federation); a rebuild now would miss them. Retry when both are 0; parked messages must be"
                    + " retried or resolved first");
        }
    }

    /** What the manifest tells the province about what central has and has not received. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lastReceived", link.map(LinkStatus::lastReceived).map(Object::toString).orElse(null));
        m.put("upQueue", upBacklog.isPresent() ? upBacklog.getAsLong() : "unknown: no broker to ask (not federated)");
        m.put("parked", link.map(LinkStatus::parked).orElse(0L));
        m.put("notKnown", "changes the province recorded after lastReceived and never sent are not at central");
        return m;
    }
}
