package org.tongpao.funding;

/** Where a budget line's money comes from. */
public enum FundingSource {
    /** The finance ministry's regular allocation to the ministry (central). */
    CENTRAL_ALLOCATION,
    /** The special epidemic prevention and control fund. */
    SPECIAL_EPIDEMIC_FUND,
    /** A province's own budget, held by that province. */
    PROVINCIAL_BUDGET
}
