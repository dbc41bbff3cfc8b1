package org.example.jinghua.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The factory's order book, in memory and thread-safe: its catalogue, quotations, orders (idempotent per
 * buyer reference) and the numbered notices it issues as orders move on. Every new notice also goes to the
 * listener (the webhook pusher) while the lock is held, so listeners see notices in number order.
 */
final class Factory {
    /** Orders of at least this many pieces of a SKU get 5 % off the list price. */
    static final long VOLUME_PIECES = 1_000_000;
    private static final BigDecimal VOLUME_FACTOR = new BigDecimal("0.95");

    private final Object lock = new Object();
    private final Map<String, Product> catalogue = new LinkedHashMap<>();
    private final Map<String, FactoryOrder> orders = new LinkedHashMap<>();
    private final Map<String, String> orderNoByReference = new HashMap<>();
    private final List<Notice> notices = new ArrayList<>();
    private final Consumer<Notice> listener;
    private int orderSequence;
    private int quoteSequence;
    private boolean autoConfirm = true;
    private Instant lastTime = Instant.EPOCH;

    Factory(List<Product> products, Consumer<Notice> listener) {
        products.forEach(p -> catalogue.put(p.sku(), p));
        this.listener = listener;
    }

    List<Product> catalogue() {
        return List.copyOf(catalogue.values());
    }

    void autoConfirm(boolean confirm) {
        synchronized (lock) {
            autoConfirm = confirm;
        }
    }

    Quotation quote(String sku, long quantity) {
        Product p = product(sku);
        checkQuantity(p, quantity);
        synchronized (lock) {
            BigDecimal unit = unitPrice(p, quantity);
            int lead = leadDays(p, quantity);
            Instant now = Instant.now();
            return new Quotation(String.format("Q-%06d", ++quoteSequence), sku, quantity, unit,
                    unit.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP), lead,
                    today().plusDays(lead), now.plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /**
     * A new order (true) or the one already placed under this buyer reference (false); {@code approvedBy} and
     * {@code justification} (optional) are the buyer's approval as it states it.
     */
    Map.Entry<FactoryOrder, Boolean> place(String buyerReference, List<FactoryOrder.LineRequest> requested,
            String deliverTo, String province, LocalDate deliverBy, String approvedBy, String justification) {
        if (buyerReference == null || buyerReference.isBlank() || requested.isEmpty() || deliverTo == null
                || deliverTo.isBlank()) {
            throw new Refusal(400, "BAD_REQUEST", "buyerReference, lines and deliverTo are required");
        }
        List<FactoryOrder.Line> lines = new ArrayList<>();
        for (FactoryOrder.LineRequest r : requested) {
            Product p = product(r.sku());
            checkQuantity(p, r.quantity());
            if (r.buyerLine() == null || r.buyerLine().isBlank()
                    || lines.stream().anyMatch(l -> l.sku().equals(r.sku()) || l.buyerLine().equals(r.buyerLine()))) {
                throw new Refusal(400, "BAD_REQUEST", "each line needs its own buyerLine and SKU");
            }
            lines.add(new FactoryOrder.Line(r.buyerLine(), r.sku(), r.quantity(), unitPrice(p, r.quantity()), 0, 0));
        }
        synchronized (lock) {
            String existing = orderNoByReference.get(buyerReference);
            if (existing != null) {
                return Map.entry(orders.get(existing), false);
            }
            FactoryOrder o = new FactoryOrder(String.format("JH-%06d", ++orderSequence), buyerReference, lines,
                    deliverTo, province, deliverBy, "RECEIVED", approvedBy, justification);
            orders.put(o.orderNo(), o);
            orderNoByReference.put(buyerReference, o.orderNo());
            if (autoConfirm) {
                return Map.entry(confirmLocked(o), true);
            }
            return Map.entry(o, true);
        }
    }

    Notice confirm(String orderNo) {
        synchronized (lock) {
            FactoryOrder o = order(orderNo, "RECEIVED");
            confirmLocked(o);
            return lastNotice();
        }
    }

    Notice produce(String orderNo, String sku, long made) {
        synchronized (lock) {
            FactoryOrder o = order(orderNo, "CONFIRMED", "IN_PRODUCTION", "SHIPPED");
            FactoryOrder.Line line = o.line(sku);
            if (made <= 0 || made > line.quantity()) {
                throw new Refusal(422, "BAD_QUANTITY", "made must be 1.." + line.quantity());
            }
            FactoryOrder after = store(o, "SHIPPED".equals(o.state()) ? "SHIPPED" : "IN_PRODUCTION", o.lines());
            return issue(after, "PRODUCTION", sku, made, null, null, null, null);
        }
    }

    /** Pieces of a SKU leave the factory with a carrier: the waybill and the batch certificate travel with them. */
    Notice ship(String orderNo, String sku, long quantity) {
        synchronized (lock) {
            FactoryOrder o = order(orderNo, "CONFIRMED", "IN_PRODUCTION", "SHIPPED");
            FactoryOrder.Line line = o.line(sku);
            if (quantity <= 0 || line.shipped() + quantity > line.quantity()) {
                throw new Refusal(422, "BAD_QUANTITY", "at most " + (line.quantity() - line.shipped())
                        + " pieces of " + sku + " are left to ship");
            }
            FactoryOrder shipped = store(o, "SHIPPED", replace(o, line.with(line.shipped() + quantity, line.delivered())));
            int batch = notices.size() + 1;
            return issue(shipped, "SHIPPED", sku, quantity, null, String.format("SF%09d", batch),
                    String.format("JH-CERT-%05d", batch), null);
        }
    }

    Notice deliver(String orderNo, String sku, long quantity) {
        synchronized (lock) {
            FactoryOrder o = order(orderNo, "SHIPPED");
            FactoryOrder.Line line = o.line(sku);
            if (quantity <= 0 || line.delivered() + quantity > line.shipped()) {
                throw new Refusal(422, "BAD_QUANTITY", "only " + (line.shipped() - line.delivered())
                        + " shipped pieces of " + sku + " are on the way");
            }
            List<FactoryOrder.Line> lines = replace(o, line.with(line.shipped(), line.delivered() + quantity));
            boolean all = lines.stream().allMatch(l -> l.delivered() == l.quantity());
            FactoryOrder after = store(o, all ? "DELIVERED" : "SHIPPED", lines);
            return issue(after, "DELIVERED", sku, quantity, null, null, null, null);
        }
    }

    /** Production is late: the remark says why, the expected dispatch date moves. */
    Notice delay(String orderNo, String remark, LocalDate newDate) {
        synchronized (lock) {
            FactoryOrder o = order(orderNo, "RECEIVED", "CONFIRMED", "IN_PRODUCTION", "SHIPPED");
            return issue(o, "DELAYED", null, null, newDate, null, null, remark);
        }
    }

    /** Cancels before anything shipped; cancelling again answers the cancelled order. */
    FactoryOrder cancel(String orderNo, String reason) {
        synchronized (lock) {
            FactoryOrder o = order(orderNo);
            if ("CANCELLED".equals(o.state())) {
                return o;
            }
            if (!List.of("RECEIVED", "CONFIRMED", "IN_PRODUCTION").contains(o.state())) {
                throw new Refusal(409, "TOO_LATE", "order " + orderNo + " is " + o.state()
                        + "; goods already left the factory");
            }
            FactoryOrder cancelled = store(o, "CANCELLED", o.lines());
            issue(cancelled, "CANCELLED", null, null, null, null, null, reason);
            return cancelled;
        }
    }

    FactoryOrder order(String orderNo) {
        synchronized (lock) {
            FactoryOrder o = orders.get(orderNo);
            if (o == null) {
                throw new Refusal(404, "UNKNOWN_ORDER", "no order " + orderNo);
            }
            return o;
        }
    }

    Optional<String> orderNoOf(String buyerReference) {
        synchronized (lock) {
            return Optional.ofNullable(orderNoByReference.get(buyerReference));
        }
    }

    int orderCount() {
        synchronized (lock) {
            return orders.size();
        }
    }

    /** Notices numbered above {@code after}, oldest first, at most {@code limit}. */
    List<Notice> noticesAfter(long after, int limit) {
        synchronized (lock) {
            return notices.stream().filter(n -> n.seq() > after).limit(limit).toList();
        }
    }

    List<Notice> notices(String orderNo) {
        synchronized (lock) {
            return notices.stream().filter(n -> n.orderNo().equals(orderNo)).toList();
        }
    }

    private FactoryOrder confirmLocked(FactoryOrder o) {
        int lead = o.lines().stream().mapToInt(l -> leadDays(catalogue.get(l.sku()), l.quantity())).max().orElse(0);
        FactoryOrder confirmed = store(o, "CONFIRMED", o.lines());
        issue(confirmed, "CONFIRMED", null, null, today().plusDays(lead), null, null, null);
        return confirmed;
    }

    private FactoryOrder order(String orderNo, String... states) {
        FactoryOrder o = order(orderNo);
        if (!List.of(states).contains(o.state())) {
            throw new Refusal(409, "WRONG_STATE", "order " + orderNo + " is " + o.state() + ", not one of "
                    + List.of(states));
        }
        return o;
    }

    private FactoryOrder store(FactoryOrder o, String state, List<FactoryOrder.Line> lines) {
        FactoryOrder updated = new FactoryOrder(o.orderNo(), o.buyerReference(), lines, o.deliverTo(), o.province(),
                o.deliverBy(), state, o.approvedBy(), o.justification());
        orders.put(o.orderNo(), updated);
        return updated;
    }

    private static List<FactoryOrder.Line> replace(FactoryOrder o, FactoryOrder.Line line) {
        return o.lines().stream().map(l -> l.sku().equals(line.sku()) ? line : l).toList();
    }

    /** Records a notice (times strictly increase) and hands it to the listener; caller holds the lock. */
    private Notice issue(FactoryOrder o, String kind, String sku, Long quantity, LocalDate expected, String waybill,
            String certificate, String remark) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastTime = now.isAfter(lastTime) ? now : lastTime.plusMillis(1);
        String buyerLine = sku == null ? null : o.line(sku).buyerLine();
        Notice n = new Notice(notices.size() + 1, o.orderNo(), o.buyerReference(), kind, lastTime, buyerLine, sku,
                quantity, expected, waybill, certificate, remark);
        notices.add(n);
        listener.accept(n);
        return n;
    }

    private Notice lastNotice() {
        return notices.get(notices.size() - 1);
    }

    private Product product(String sku) {
        Product p = sku == null ? null : catalogue.get(sku);
        if (p == null) {
            throw new Refusal(404, "UNKNOWN_SKU", "the factory makes no " + sku);
        }
        return p;
    }

    private static void checkQuantity(Product p, long quantity) {
        if (quantity < p.minimumOrder()) {
            throw new Refusal(422, "BELOW_MINIMUM", p.sku() + " is sold in orders of at least " + p.minimumOrder()
                    + " pieces");
        }
    }

    private static BigDecimal unitPrice(Product p, long quantity) {
        return quantity >= VOLUME_PIECES ? p.unitPrice().multiply(VOLUME_FACTOR).setScale(2, RoundingMode.HALF_UP)
                : p.unitPrice();
    }

    /** The lead time, plus a week for each further week of capacity the quantity needs. */
    private static int leadDays(Product p, long quantity) {
        long weeks = (quantity + p.weeklyCapacity() - 1) / p.weeklyCapacity();
        return p.leadDays() + (int) (7 * (weeks - 1));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
