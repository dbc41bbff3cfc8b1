package org.tongpao.procurement.imports.internal;

/**
 * An import order's life: ordered, confirmed by the foreign supplier, shipped, at customs (declared), cleared
 * (released by customs), delivered. It moves forward only; customs steps move it to AT_CUSTOMS and CLEARED, the
 * officers' progress reports do the rest. It can be cancelled until it ships.
 */
public enum ImportStatus {
    ORDERED, CONFIRMED, SHIPPED, AT_CUSTOMS, CLEARED, DELIVERED, CANCELLED;

    /** What an officer may report by hand: the customs steps alone lead to AT_CUSTOMS and CLEARED. */
    public boolean reportable() {
        return this == CONFIRMED || this == SHIPPED || this == DELIVERED;
    }

    public boolean canProgressTo(ImportStatus next) {
        if (this == CANCELLED || next == ORDERED || next == CANCELLED || next.ordinal() <= ordinal()) {
            return false;
        }
        // goods are delivered only once customs released them
        return next != DELIVERED || this == CLEARED;
    }

    public boolean cancellable() {
        return this == ORDERED || this == CONFIRMED;
    }
}
