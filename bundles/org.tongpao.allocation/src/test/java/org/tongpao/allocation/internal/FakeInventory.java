package org.tongpao.allocation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;

/**
 * A test double of the inventory bundle: available stock per depot and item, reservations, transfers,
 * and Idempotency-Key repeats (same actor and key → the first result, counted once).
 */
final class FakeInventory implements InventoryService {
    final Map<String, Long> available = new HashMap<>();
    final Map<Long, Reservation> reservations = new HashMap<>();
    final Map<Long, Transfer> transfers = new HashMap<>();
    final Map<String, Object> byKey = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);

    void stock(long depot, long item, long qty) {
        available.put(depot + "/" + item, qty);
    }

    long stockOf(long depot, long item) {
        return available.getOrDefault(depot + "/" + item, 0L);
    }

    long receivedAt(long depot, long item) {
        return transfers.values().stream().filter(t -> t.toDepotId() == depot && t.itemId() == item)
                .mapToLong(t -> t.receivedQuantity() - t.damagedQuantity()).sum();
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T once(Caller caller, String key, java.util.function.Supplier<T> work) {
        if (key == null) {
            return work.get();
        }
        String k = caller.user() + "|" + key;
        Object prior = byKey.get(k);
        if (prior != null) {
            calls.add("repeat " + key);
            return (T) prior;
        }
        T result = work.get();
        byKey.put(k, result);
        return result;
    }

    @Override
    public synchronized long available(Caller caller, long depotId, long itemId) {
        calls.add("available " + depotId + " " + itemId);
        return stockOf(depotId, itemId);
    }

    @Override
    public synchronized Map<Long, Map<Long, Long>> available(Caller caller, java.util.Collection<Long> depotIds,
            java.util.Collection<Long> itemIds) {
        calls.add("bulk-available " + depotIds.size() + "x" + itemIds.size());
        // the planner port's pair-by-pair default, over this fake's stock
        org.tongpao.allocation.internal.plan.SupplyView perPair = this::stockOf;
        return perPair.available(depotIds, itemIds);
    }

    @Override
    public synchronized Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder,
            String idempotencyKey) {
        return once(caller, idempotencyKey, () -> {
            long have = stockOf(depotId, itemId);
            if (have < quantity) {
                throw new ConflictException("Not enough stock: " + have + " available, " + quantity + " asked");
            }
            stock(depotId, itemId, have - quantity);
            long id = ids.incrementAndGet();
            Reservation r = new Reservation(id, depotId, itemId, quantity, holder, Reservation.Status.HELD,
                    List.of(new Reservation.Line(1, quantity)));
            reservations.put(id, r);
            calls.add("reserve " + depotId + " " + itemId + " " + quantity);
            return r;
        });
    }

    /** This fake holds no designated stock: every destination may have all of it. */
    @Override
    public synchronized long available(Caller caller, long depotId, long itemId,
            org.tongpao.inventory.Destination destination) {
        return available(caller, depotId, itemId);
    }

    @Override
    public synchronized List<org.tongpao.inventory.DesignatedStock> designated(Caller caller,
            java.util.Collection<Long> depotIds, java.util.Collection<Long> itemIds) {
        return List.of();
    }

    @Override
    public synchronized Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder,
            org.tongpao.inventory.Destination destination, String idempotencyKey) {
        return reserve(caller, depotId, itemId, quantity, holder, idempotencyKey);
    }

    @Override
    public synchronized Reservation release(Caller caller, long reservationId, String idempotencyKey) {
        return once(caller, idempotencyKey, () -> {
            Reservation r = reservations.get(reservationId);
            if (r == null) {
                throw new NotFoundException("Reservation", reservationId);
            }
            if (r.status() != Reservation.Status.HELD) {
                throw new ConflictException("Reservation " + reservationId + " is " + r.status());
            }
            stock(r.depotId(), r.itemId(), stockOf(r.depotId(), r.itemId()) + r.quantity());
            Reservation released = new Reservation(r.id(), r.depotId(), r.itemId(), r.quantity(), r.holder(),
                    Reservation.Status.RELEASED, r.lines());
            reservations.put(r.id(), released);
            calls.add("release " + reservationId);
            return released;
        });
    }

    @Override
    public synchronized Transfer dispatch(Caller caller, long reservationId, long toDepotId, String sourceDocument,
            String idempotencyKey) {
        return ship(caller, reservationId, toDepotId, null, sourceDocument, idempotencyKey);
    }

    @Override
    public synchronized Transfer dispatchToUnit(Caller caller, long reservationId, long toOrgUnitId,
            String sourceDocument, String idempotencyKey) {
        return ship(caller, reservationId, 0, toOrgUnitId, sourceDocument, idempotencyKey);
    }

    private Transfer ship(Caller caller, long reservationId, long toDepotId, Long toOrgUnitId, String sourceDocument,
            String idempotencyKey) {
        return once(caller, idempotencyKey, () -> {
            Reservation r = reservations.get(reservationId);
            if (r == null || r.status() != Reservation.Status.HELD) {
                throw new ConflictException("Reservation " + reservationId + " is not held");
            }
            reservations.put(r.id(), new Reservation(r.id(), r.depotId(), r.itemId(), r.quantity(), r.holder(),
                    Reservation.Status.DISPATCHED, r.lines()));
            long id = ids.incrementAndGet();
            Transfer t = new Transfer(id, r.depotId(), toDepotId, r.itemId(), r.quantity(), Transfer.Status.IN_TRANSIT,
                    0, 0, sourceDocument, Instant.now(), null, null, toOrgUnitId);
            transfers.put(id, t);
            calls.add((toOrgUnitId == null ? "dispatch " : "dispatch-to-unit ") + reservationId);
            return t;
        });
    }

    @Override
    public synchronized Transfer receiveTransfer(Caller caller, long transferId, long receivedQuantity,
            long damagedQuantity, String note, String idempotencyKey) {
        return once(caller, idempotencyKey, () -> {
            Transfer t = transfers.get(transferId);
            if (t == null || t.status() != Transfer.Status.IN_TRANSIT) {
                throw new ConflictException("Transfer " + transferId + " is not in transit");
            }
            Transfer done = new Transfer(t.id(), t.fromDepotId(), t.toDepotId(), t.itemId(), t.quantity(),
                    Transfer.Status.RECEIVED, receivedQuantity, damagedQuantity, t.sourceDocument(), t.dispatchedAt(),
                    Instant.now(), null, t.toOrgUnitId());
            transfers.put(t.id(), done);
            calls.add("receive " + transferId);
            return done;
        });
    }

    @Override
    public synchronized Transfer returnTransfer(Caller caller, long transferId, String note, String idempotencyKey) {
        return once(caller, idempotencyKey, () -> {
            Transfer t = transfers.get(transferId);
            if (t == null || t.status() != Transfer.Status.IN_TRANSIT) {
                throw new ConflictException("Transfer " + transferId + " is not in transit");
            }
            Transfer back = new Transfer(t.id(), t.fromDepotId(), t.toDepotId(), t.itemId(), t.quantity(),
                    Transfer.Status.RETURNED, 0, 0, t.sourceDocument(), t.dispatchedAt(), Instant.now());
            transfers.put(t.id(), back);
            calls.add("return " + transferId);
            return back;
        });
    }

    @Override
    public synchronized Transfer transfer(Caller caller, long transferId) {
        Transfer t = transfers.get(transferId);
        if (t == null) {
            throw new NotFoundException("Transfer", transferId);
        }
        return t;
    }

    long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
