package org.tongpao.inventory;

/** Only AVAILABLE lots (and not past expiry) can be issued, transferred or reserved. */
public enum LotStatus {
    AVAILABLE, QUARANTINED, RECALLED, EXPIRED
}
