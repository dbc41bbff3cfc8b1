package org.tongpao.donation;

/** One item of a donation as the public sees it: pledged, accepted and rejected quantities. */
public record PublicItem(String itemCode, String itemName, String itemNameZh, long pledged, long accepted,
        long rejected) {
}
