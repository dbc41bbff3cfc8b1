package org.tongpao.allocation.internal;

import java.util.Optional;
import org.tongpao.core.spi.LedgerOwners;

/**
 * Which node keeps a province's depot ledgers, when federation says (core's {@link LedgerOwners}, bound by the
 * service when present): a batch line leaving a depot another node keeps is an instruction to that node, not
 * a reservation here.
 */
final class LedgerKeepers {
    private volatile LedgerOwners owners;

    void owners(LedgerOwners owners) {
        this.owners = owners;
    }

    /** The node keeping the ledgers of {@code provinceCode}'s depots when it is not this one. */
    Optional<String> remote(String provinceCode) {
        LedgerOwners o = owners;
        return o == null || provinceCode == null ? Optional.empty() : o.remoteOwner(provinceCode);
    }
}
