package org.tongpao.procurement.api;

import org.tongpao.procurement.api.internal.Check;

/** A channel's answer to an order: its own reference for it (every later progress event names it) and a note. */
public record PlacedOrder(String channelOrderRef, String note) {
    public PlacedOrder {
        channelOrderRef = Check.reference(channelOrderRef, "channelOrderRef", 64, true);
        note = Check.text(note, "note", 1000, false, true);
    }
}
