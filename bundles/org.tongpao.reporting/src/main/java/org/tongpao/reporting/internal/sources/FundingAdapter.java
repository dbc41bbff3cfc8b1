package org.tongpao.reporting.internal.sources;

import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.SummaryGroup;
import org.tongpao.reporting.FundingReport;

/** Budget, committed and spent by source and holder through funding's summary. */
@Component(service = BudgetSource.class)
public class FundingAdapter implements BudgetSource {
    private final FundingService funding;

    @Activate
    public FundingAdapter(@Reference FundingService funding) {
        this.funding = funding;
    }

    @Override
    public List<FundingReport.FundingBudgetRow> budgets(Caller caller) {
        return funding.summary(caller, LineFilter.ALL, EnumSet.of(SummaryGroup.SOURCE, SummaryGroup.HOLDER)).stream()
                .map(s -> new FundingReport.FundingBudgetRow(s.source() == null ? null : s.source().name(), s.holder(),
                        s.currency(), s.lines(), s.budget(), s.committed(), s.spent(), s.available()))
                .toList();
    }
}
