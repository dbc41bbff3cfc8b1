package org.tongpao.reporting.internal.sources;

import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.reporting.FundingReport;

/** What reporting reads from funding; registered by {@link FundingAdapter}. */
public interface BudgetSource {

    List<FundingReport.FundingBudgetRow> budgets(Caller caller);
}
