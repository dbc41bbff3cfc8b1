package org.tongpao.procurement.internal.channels;

import java.sql.Connection;
import org.tongpao.procurement.api.ProgressEvent;

/**
 * What the orders code implements (as a DS service) to take a channel's progress onto its orders. Called inside
 * the intake's transaction, on its connection, once per (channel, event id) that it applies.
 */
public interface ChannelProgressListener {

    /**
     * Applies one event to the order of {@code channelId} whose channel reference is
     * {@link ProgressEvent#channelOrderRef()}. Returns false when there is no such order (yet): the intake keeps
     * the event and offers it again ({@link ChannelGateway#applyKept}, and on every poll). An exception rolls
     * back only this event's work: the event is kept with the exception's message as its problem.
     */
    boolean apply(Connection c, String channelId, ProgressEvent event) throws Exception;
}
