package org.example.express.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Express' order book: orders by waybill and by the client's reference, and the moves an order may make from
 * one state to the next. Every new event is offered to the {@link WebhookPusher} while the lock is held, so an
 * order's webhooks leave in the order its events happened.
 */
final class Courier {
    /** States of an order Express has collected and not yet handed over. */
    static final List<String> ON_THE_ROAD = List.of("COLLECTED", "LINEHAUL", "CHECKPOINT", "PROBLEM");

    private final Object lock = new Object();
    private final Map<String, CourierOrder> orders = new LinkedHashMap<>();
    private final Map<String, String> waybillByReference = new HashMap<>();
    private final WebhookPusher webhooks;
    private int sequence;
    private boolean acceptOrders = true;

    /** An order as placed: a new one, or the one the same client reference already made. */
    record Placed(CourierOrder.View order, boolean created) {
    }

    Courier(WebhookPusher webhooks) {
        this.webhooks = webhooks;
    }

    void acceptOrders(boolean accept) {
        synchronized (lock) {
            acceptOrders = accept;
        }
    }

    /** A new order (ACCEPTED at once unless {@link #acceptOrders} is off), or the reference's existing one. */
    Placed place(String reference, String destination) {
        synchronized (lock) {
            String existing = waybillByReference.get(reference);
            if (existing != null) {
                return new Placed(orders.get(existing).view(), false);
            }
            CourierOrder o = new CourierOrder(String.format("EX%06d", ++sequence), reference, destination,
                    Instant.now());
            orders.put(o.waybill, o);
            waybillByReference.put(reference, o.waybill);
            if (acceptOrders) {
                record(o, "ACCEPTED", "Express dispatch", null, null, null);
            }
            return new Placed(o.view(), true);
        }
    }

    /** Cancels an order not yet collected (again: no change); after collection 409, unknown 404. */
    CourierOrder.View cancel(String waybill) {
        synchronized (lock) {
            CourierOrder o = known(waybill);
            if (o.state.equals("CREATED") || o.state.equals("ACCEPTED")) {
                record(o, "CANCELLED", null, null, null, null);
            } else if (!o.state.equals("CANCELLED")) {
                throw new Refusal(409, "TOO_LATE", "order " + waybill + " is " + o.state
                        + " and can no longer be cancelled");
            }
            return o.view();
        }
    }

    /** The order's events, oldest first; unknown 404. */
    List<CourierSimulator.Event> eventsOf(String waybill) {
        synchronized (lock) {
            return List.copyOf(known(waybill).events);
        }
    }

    /** Moves the order on to {@code code} if its state is one of {@code from}. */
    CourierSimulator.Event advance(String waybill, String code, String place, String remark, String signedBy,
            String signature, List<String> from) {
        synchronized (lock) {
            CourierOrder o = order(waybill);
            if (!from.contains(o.state)) {
                throw new IllegalStateException("order " + waybill + " is " + o.state + "; " + code + " needs one of "
                        + from);
            }
            return record(o, code, place, remark, signedBy, signature);
        }
    }

    Optional<String> waybillOf(String clientReference) {
        synchronized (lock) {
            return Optional.ofNullable(waybillByReference.get(clientReference));
        }
    }

    String state(String waybill) {
        synchronized (lock) {
            return order(waybill).state;
        }
    }

    List<CourierSimulator.Event> events(String waybill) {
        synchronized (lock) {
            return List.copyOf(order(waybill).events);
        }
    }

    int orderCount() {
        synchronized (lock) {
            return orders.size();
        }
    }

    private CourierSimulator.Event record(CourierOrder o, String code, String place, String remark, String signedBy,
            String signature) {
        CourierSimulator.Event e = o.add(code, place, remark, signedBy, signature);
        webhooks.offer(o.waybill, e);
        return e;
    }

    /** For a test's controls: an unknown waybill is the test's mistake. */
    private CourierOrder order(String waybill) {
        CourierOrder o = orders.get(waybill);
        if (o == null) {
            throw new IllegalArgumentException("no order " + waybill);
        }
        return o;
    }

    /** For the API: an unknown waybill is the client's 404. */
    private CourierOrder known(String waybill) {
        CourierOrder o = orders.get(waybill);
        if (o == null) {
            throw new Refusal(404, "UNKNOWN_WAYBILL", "no order " + waybill);
        }
        return o;
    }
}
