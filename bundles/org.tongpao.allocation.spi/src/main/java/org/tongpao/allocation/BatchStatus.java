package org.tongpao.allocation;

/**
 * RESERVING while approval reserves stock line by line; APPROVED once every line is reserved; FAILED
 * only on batches stored before 1.1 (a refused approval now leaves no batch); after approval the status is
 * derived from the lines: PARTLY_DISPATCHED while some lines have left and others still wait at their
 * sending depot (one shipment of several dispatched), DISPATCHED when every line has left, PARTLY_RECEIVED /
 * RECEIVED as receiving depots confirm lines.
 */
public enum BatchStatus {
    RESERVING, APPROVED, FAILED, DISPATCHED, PARTLY_RECEIVED, RECEIVED,
    /** @since 1.1 */
    PARTLY_DISPATCHED
}
