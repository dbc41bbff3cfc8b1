package org.tongpao.inventory;

import java.util.List;
import org.tongpao.core.ValidationException;

/**
 * Receipts refused whole by {@link StockLedger#receiveAll} or {@link StockLedger#checkReceipts} (1.9, 400): every
 * receipt that breaks a rule, by its index in the list, with the field a single receipt's refusal would name
 * ({@code expiryDate}, {@code depotId} …) — at most {@link #MAX_FAULTS} kept, all counted. Nothing was written.
 *
 * @since 1.9
 */
public class ReceiptsRefusedException extends ValidationException {
    private static final long serialVersionUID = 1L;
    /** Faults kept; the rest are only counted. */
    public static final int MAX_FAULTS = 1_000;

    /** One refused receipt: its index in the list, the field at fault (may be null) and why. */
    public record Fault(int index, String field, String message) {
    }

    private final transient List<Fault> faults;
    private final int faultCount;

    public ReceiptsRefusedException(List<Fault> faults, int faultCount) {
        super(faults.isEmpty() ? "receipts" : "receipts[" + faults.get(0).index() + "]"
                + (faults.get(0).field() == null ? "" : "." + faults.get(0).field()),
                faultCount + (faultCount == 1 ? " receipt" : " receipts") + " refused; nothing was received"
                        + (faults.isEmpty() ? "" : " (first: " + faults.get(0).message() + ")"));
        this.faults = List.copyOf(faults);
        this.faultCount = faultCount;
    }

    /** The refused receipts in list order, at most {@link #MAX_FAULTS}. */
    public List<Fault> faults() {
        return faults;
    }

    /** How many receipts were refused (may exceed {@link #faults()}). */
    public int faultCount() {
        return faultCount;
    }
}
