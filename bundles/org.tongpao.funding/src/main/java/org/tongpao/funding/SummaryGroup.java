package org.tongpao.funding;

/** A dimension the budget-vs-committed-vs-spent view can be grouped by. */
public enum SummaryGroup {
    SOURCE, HOLDER, CATEGORY
}
