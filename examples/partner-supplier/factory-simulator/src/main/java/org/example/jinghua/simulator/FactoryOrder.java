package org.example.jinghua.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as the factory sees it: its number, the buyer's reference (the factory's idempotency key), the
 * lines, where it goes, and its state: RECEIVED, CONFIRMED, IN_PRODUCTION, SHIPPED (all or part), DELIVERED
 * (everything handed over) or CANCELLED; who approved it at the buyer and why, when the buyer says (an
 * emergency purchase the factory expedites).
 */
public record FactoryOrder(String orderNo, String buyerReference, List<Line> lines, String deliverTo,
        String province, LocalDate deliverBy, String state, String approvedBy, String justification) {

    /**
     * One SKU of an order: the buyer's own line reference (repeated on every notice about the line), pieces
     * ordered, the agreed price per piece, pieces shipped and delivered so far.
     */
    public record Line(String buyerLine, String sku, long quantity, BigDecimal unitPrice, long shipped,
            long delivered) {
        Line with(long newShipped, long newDelivered) {
            return new Line(buyerLine, sku, quantity, unitPrice, newShipped, newDelivered);
        }
    }

    /** What a buyer asks for on one line. */
    public record LineRequest(String buyerLine, String sku, long quantity) {
    }

    public FactoryOrder {
        lines = List.copyOf(lines);
    }

    public Line line(String sku) {
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst()
                .orElseThrow(() -> new Refusal(422, "UNKNOWN_LINE", "order " + orderNo + " has no line for " + sku));
    }
}
