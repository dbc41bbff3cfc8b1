package org.tongpao.funding;

/** Which budget lines to list or sum up; null fields match everything. */
public record LineFilter(FundingSource source, String holder, String category) {
    public static final LineFilter ALL = new LineFilter(null, null, null);
}
