package org.tongpao.allocation;

/**
 * OPEN (nothing allocated), PARTLY_ALLOCATED (some reserved in approved batches), ALLOCATED (the
 * whole quantity reserved), FULFILLED (the whole quantity received in usable condition), CANCELLED.
 */
public enum NeedState {
    OPEN, PARTLY_ALLOCATED, ALLOCATED, FULFILLED, CANCELLED
}
