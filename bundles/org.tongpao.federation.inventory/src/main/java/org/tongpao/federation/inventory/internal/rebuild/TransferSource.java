package org.tongpao.federation.inventory.internal.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.federation.inventory.internal.transfer.TransferMessages;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransfers;
import org.tongpao.inventory.Transfer;

/**
 * Central's side of the transfers section: the cross-node transfers still in transit to a depot of the province
 * (central's own dispatches and those it forwarded from another province), so that the rebuilt node can receive
 * them, and those the province itself sent (to central or, forwarded, to another province), so that the rebuilt
 * node holds its transfer-out again and the receiver's receipt closes it. Read by province through inventory's
 * {@link CrossNodeTransfers} (1.11), keyset on its cursor: a province's rebuild never reads the country's.
 */
final class TransferSource {
    private final CrossNodeTransfers transfers;

    TransferSource(CrossNodeTransfers transfers) {
        this.transfers = transfers;
    }

    /** Up to {@code limit} transfers in transit to or from the province after inventory's cursor {@code after}. */
    SectionRows read(Caller reader, String province, String after, int limit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = after;
        do {
            Page<CrossNodeTransfer> page = page(reader, province, Transfer.Status.IN_TRANSIT,
                    Math.min(limit - rows.size(), Paging.MAX_LIMIT), cursor);
            for (CrossNodeTransfer t : page.items()) {
                if (restored(t, province)) {
                    rows.add(TransferMessages.inTransit(t));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && rows.size() < limit);
        return new SectionRows(rows, cursor);
    }

    /** Inventory's page after its own cursor; a cursor it does not know is the stream's bad {@code after}. */
    private Page<CrossNodeTransfer> page(Caller reader, String province, Transfer.Status status, int limit,
            String cursor) {
        try {
            return transfers.crossNodeTransfers(reader, province, status, limit, cursor);
        } catch (ValidationException e) {
            throw new ValidationException("after", "not a rebuild cursor: use the nextCursor of the previous page");
        }
    }

    /**
     * For the first page's manifest: how many transfers the section holds, and the highest transfer id the province
     * gave a transfer central knows (in transit or received: the rebuilt node's numbering continues above it, else
     * its next transfer would reuse an id central already holds and be taken for a repeat).
     */
    Map<String, Long> summary(Caller reader, String province) {
        long inTransit = 0;
        long maxSent = 0;
        String cursor = null;
        do {
            Page<CrossNodeTransfer> page = page(reader, province, null, Paging.MAX_LIMIT, cursor);
            for (CrossNodeTransfer t : page.items()) {
                if (t.status() == Transfer.Status.IN_TRANSIT && restored(t, province)) {
                    inTransit++;
                }
                if (sentBy(t, province)) {
                    maxSent = Math.max(maxSent, Long.parseLong(t.id().substring(t.id().lastIndexOf('/') + 1)));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return Map.of("count", inTransit, "maxSentTransferId", maxSent);
    }

    /**
     * What the rebuilt node holds of it: the province sent it, or it goes to one of the province's depots (then
     * central sent or forwarded it; the by-province read holds no other kind).
     */
    private static boolean restored(CrossNodeTransfer t, String province) {
        return sentBy(t, province) || t.role() != CrossNodeTransfer.Role.INBOUND;
    }

    private static boolean sentBy(CrossNodeTransfer t, String province) {
        return t.fromNode().equals("province:" + province);
    }
}
