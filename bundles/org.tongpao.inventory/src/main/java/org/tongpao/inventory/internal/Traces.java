package org.tongpao.inventory.internal;

import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.inventory.LotTrace;
import org.tongpao.inventory.Provenance;

/** Lot traceability: forwards from a lot to the units that received its goods, and back from a unit. */
final class Traces {
    private final Ledger ledger;

    Traces(Ledger ledger) {
        this.ledger = ledger;
    }

    LotTrace trace(Caller caller, long lotId) {
        throw new UnsupportedOperationException("trace: in progress");
    }

    Page<Provenance> receivedBy(Caller caller, long orgUnitId, int limit, String cursor) {
        throw new UnsupportedOperationException("receivedBy: in progress");
    }

    List<Provenance> origins(Caller caller, long postingId) {
        throw new UnsupportedOperationException("origins: in progress");
    }

    List<Provenance> transferOrigins(Caller caller, long transferId) {
        throw new UnsupportedOperationException("transferOrigins: in progress");
    }
}
