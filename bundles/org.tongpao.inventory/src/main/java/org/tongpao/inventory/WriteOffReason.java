package org.tongpao.inventory;

/** Why stock left the books without going anywhere. */
public enum WriteOffReason {
    EXPIRED, DAMAGED
}
