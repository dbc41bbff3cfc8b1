package org.tongpao.reporting.internal.sources;

import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.reporting.BatchReport;

/**
 * What reporting reads from allocation, in reporting's own types, so that only the adapter loads allocation's
 * classes: registered by {@link AllocationAdapter} while allocation is installed.
 */
public interface AllocationSource {

    List<BatchReport.BatchRow> batches(Caller caller);

    /** Needs still open (remaining > 0), as the caller sees them. */
    List<OpenNeed> openNeeds(Caller caller);

    /** {@code itemId} null for a need of any item of {@code categoryCode}. */
    record OpenNeed(String provinceCode, String keyArea, String urgency, int urgencyRank, boolean frontLine,
            Long itemId, String categoryCode, long remaining) {
    }
}
