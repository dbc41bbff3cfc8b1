package org.tongpao.allocation;

/**
 * RESERVING while approval reserves stock line by line; APPROVED once every line is reserved; FAILED
 * when a reservation was refused (the others released); DISPATCHED when the goods left; PARTLY_RECEIVED /
 * RECEIVED as receiving depots confirm lines.
 */
public enum BatchStatus {
    RESERVING, APPROVED, FAILED, DISPATCHED, PARTLY_RECEIVED, RECEIVED
}
