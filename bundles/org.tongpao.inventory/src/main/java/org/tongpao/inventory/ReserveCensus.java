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

    /**
     * Opens here the census {@code source} opened on another node ({@code central/17}): ministry roles (central's
     * link). Opening the same source again returns the census already opened; its deadline may have passed
     * (a node that was offline still records it, and its answers are late).
     *
     * @since 1.4
     */
    Census openReplica(Caller caller, String source, NewCensus census);

    /**
     * Records a province's answer taken by its own install: the caller must be able to write for
     * {@code answer.provinceCode()} (a province's link acts as that province's officer, so it cannot answer for
     * another). The same answer (province and version) recorded again changes nothing; answers arriving out of
     * order keep their versions, the highest being the current one.
     *
     * @since 1.4
     */
    Census recordAnswer(Caller caller, long censusId, CensusAnswer answer);
}
