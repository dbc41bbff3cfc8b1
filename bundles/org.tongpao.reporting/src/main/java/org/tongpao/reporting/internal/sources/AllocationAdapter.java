package org.tongpao.reporting.internal.sources;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.NeedFilter;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.NeedState;
import org.tongpao.core.Caller;
import org.tongpao.reporting.BatchReport;
import org.tongpao.reporting.internal.AllPages;

/** Allocation's batches and open needs through its services; present only while allocation is. */
@Component(service = AllocationSource.class)
public class AllocationAdapter implements AllocationSource {
    private final AllocationService allocation;
    private final NeedService needs;

    @Activate
    public AllocationAdapter(@Reference AllocationService allocation, @Reference NeedService needs) {
        this.allocation = allocation;
        this.needs = needs;
    }

    @Override
    public List<BatchReport.BatchRow> batches(Caller caller) {
        // the list leaves the lines out: a batch's quantity needs the batch itself
        return AllPages.read((limit, cursor) -> allocation.batches(caller, null, limit, cursor)).stream()
                .map(b -> b.lines() == null || b.lines().isEmpty() ? allocation.batch(caller, b.id()) : b)
                .map(AllocationAdapter::row).toList();
    }

    static BatchReport.BatchRow row(Batch b) {
        List<BatchLine> lines = b.lines() == null ? List.of() : b.lines();
        return new BatchReport.BatchRow(b.number(), b.title(), b.provinceCode(), b.destinationSequence(),
                b.status() == null ? null : b.status().name(), b.approvedAt(), b.dispatchedAt(), lines.size(),
                lines.stream().mapToLong(BatchLine::quantity).sum());
    }

    @Override
    public List<OpenNeed> openNeeds(Caller caller) {
        return AllPages.read((limit, cursor) -> needs.list(caller, NeedFilter.all(), limit, cursor)).stream()
                .filter(n -> (n.state() == NeedState.OPEN || n.state() == NeedState.PARTLY_ALLOCATED)
                        && n.remaining() > 0)
                .map(n -> new OpenNeed(n.provinceCode(), n.keyArea() ? n.keyAreaLabel() : null,
                        n.urgency().name(), n.urgency().ordinal(), n.frontLine(), n.itemId(), n.categoryCode(),
                        n.remaining()))
                .toList();
    }
}
