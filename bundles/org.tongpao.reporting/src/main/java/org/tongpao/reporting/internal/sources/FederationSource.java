package org.tongpao.reporting.internal.sources;

import java.time.Instant;
import java.util.List;
import org.tongpao.reporting.FundingReport;

/** This node's federation links; registered by {@link FederationAdapter}. */
public interface FederationSource {

    List<FundingReport.FederationNodeRow> nodes(Instant now);
}
