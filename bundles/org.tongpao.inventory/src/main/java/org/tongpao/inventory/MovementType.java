package org.tongpao.inventory;

/** Kinds of ledger entries. Reservations are not movements: they change {@code reserved}, not {@code onHand}. */
public enum MovementType {
    RECEIPT, ISSUE, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, WRITE_OFF
}
