package org.tongpao.inventory;

import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/** "Have every province report its reserves": opened by the ministry, answered once per province. */
@ProviderType
public interface ReserveCensus {

    /** Ministry roles only. */
    Census open(Caller caller, NewCensus census, String idempotencyKey);

    /** A province officer sees its own province's row and totals only. */
    Census get(Caller caller, long censusId);

    Page<Census> list(Caller caller, int limit, String cursor);

    /**
     * Snapshots the balances of the province's depots now, plus the declared figures. {@code provinceCode}
     * may be null for a province officer (its own). A resubmission before the deadline becomes the current
     * version (earlier versions are kept); after the deadline only a first submission is accepted.
     */
    Census submit(Caller caller, long censusId, String provinceCode, CensusSubmission submission,
            String idempotencyKey);
}
