package org.tongpao.reporting.internal.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.federation.Federation;
import org.tongpao.reporting.FundingReport;

/** The links of this node and the age of what each one last delivered. */
@Component(service = FederationSource.class)
public class FederationAdapter implements FederationSource {
    private final Federation federation;

    @Activate
    public FederationAdapter(@Reference Federation federation) {
        this.federation = federation;
    }

    @Override
    public List<FundingReport.FederationNodeRow> nodes(Instant now) {
        return federation.links().stream()
                .map(l -> new FundingReport.FederationNodeRow(l.node(), l.connected(), l.lastReceived(),
                        l.lastReceived() == null ? null : Duration.between(l.lastReceived(), now).toSeconds(),
                        l.backlog()))
                .sorted(Comparator.comparing(FundingReport.FederationNodeRow::node)).toList();
    }
}
