package org.tongpao.allocation;

/**
 * RESERVING while approval reserves stock line by line; APPROVED once every line is reserved; FAILED
 * only on batches stored before 1.1 (a refused approval now leaves no batch); after approval the status is
 * derived from the lines: PARTLY_DISPATCHED while some lines have left and others still wait at their
 * sending depot (one shipment of several dispatched), DISPATCHED when every line has left, PARTLY_RECEIVED /
 * RECEIVED as receiving depots confirm lines; a line whose goods came back to the sending depot (RETURNED) is
 * done too: RECEIVED once every line is received or returned, RETURNED (1.4) if every line came back.
 */
public enum BatchStatus {
    RESERVING, APPROVED, FAILED, DISPATCHED, PARTLY_RECEIVED, RECEIVED,
    /** @since 1.1 */
    PARTLY_DISPATCHED,
    /** @since 1.4 */
    RETURNED
}
