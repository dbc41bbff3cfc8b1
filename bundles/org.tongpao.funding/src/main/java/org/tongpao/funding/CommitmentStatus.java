package org.tongpao.funding;

/** Where a commitment stands. */
public enum CommitmentStatus {
    /** Some of it is still committed (neither spent nor released). */
    OPEN,
    /** Nothing is committed any more: all of it spent or released. */
    CLOSED
}
