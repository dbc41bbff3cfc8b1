package org.tongpao.transport;

/**
 * The state of one promise (or, for a shipment, the worst of its promises): PENDING while there is
 * time, AT_RISK in the last fifth of the window, BREACHED once overdue and not done, MET when done in
 * time, LATE when done after the deadline.
 */
public enum SlaState {
    MET, PENDING, AT_RISK, LATE, BREACHED;

    /** Whether this state needs someone's attention. */
    public boolean isAlert() {
        return this == AT_RISK || this == BREACHED;
    }
}
