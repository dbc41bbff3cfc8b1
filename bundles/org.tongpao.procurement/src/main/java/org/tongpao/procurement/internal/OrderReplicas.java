package org.tongpao.procurement.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.Depot;
import org.tongpao.core.Item;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.Identities;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.Approval;
import org.tongpao.procurement.OrderLine;
import org.tongpao.procurement.OrderSnapshot;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.PurchaseOrder;

/**
 * Orders across nodes: the snapshot the keeping node sends of its own order, and the read-only copy another node
 * (central) keeps of it, keyed by (node, id there), replaced whole by a higher version and left alone by an equal
 * or lower one, so redeliveries and late copies change nothing. Writes to a copy are refused where they come in
 * ({@link Orders#own}).
 */
final class OrderReplicas {
    private final ProcurementContext ctx;

    OrderReplicas(ProcurementContext ctx) {
        this.ctx = ctx;
    }

    // --- the keeping node: what it sends ---

    Optional<OrderSnapshot> snapshot(Connection c, long orderId) {
        try {
            Optional<PurchaseOrder> found = OrderDao.find(c, orderId);
            if (found.isEmpty() || found.get().source() != null) {
                return Optional.empty();
            }
            PurchaseOrder o = found.get();
            SupplierDao.Row supplier = SupplierDao.find(c, o.supplierId()).orElseThrow();
            String line = o.budgetLineId() == 0 ? null
                    : ctx.funding.line(Caller.system("procurement-federation"), o.budgetLineId()).code();
            // when it last changed: the latest of its steps and its receipts
            Instant asOf = java.util.stream.Stream.of(o.createdAt(), o.submittedAt(), o.approvedAt(), o.placedAt(),
                    o.cancelledAt(), Jdbc.one(c, "SELECT MAX(received_at) FROM tp_proc_receipt WHERE order_id = ?",
                            args(orderId), rs -> Sql.getInstant(rs, 1)).orElse(null))
                    .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
            return Optional.of(new OrderSnapshot(o, supplier.name(), supplier.country(), line, asOf));
        } catch (SQLException e) {
            throw new DataAccessException("reading order " + orderId, e);
        }
    }

    // --- the node keeping a copy (central) ---

    PurchaseOrder replicate(Caller caller, String node, OrderSnapshot s) {
        ScopeRules.requireScopedWriter(caller, "orders");
        Checks.required("snapshot", s);
        PurchaseOrder o = Checks.required("order", s.order());
        String from = Checks.text("node", node, 64);
        String number = from + "/" + Checks.text("number", o.number(), 27);
        Checks.required("status", o.status());
        Checks.required("asOf", s.asOf());
        if (o.provinceCode() == null) {
            throw new ValidationException("provinceCode", "an order copied from " + from + " names its province");
        }
        ScopeRules.requireWriteProvince(caller, o.provinceCode(), "orders");
        Depot depot = ScopeRules.namedInBody("depotCode", o.depotCode(), () -> ctx.depots.getByCode(caller,
                Checks.text("depotCode", o.depotCode(), 32)));
        ScopeRules.requireWriteProvince(caller, depot.provinceCode(), "orders");
        Map<String, Item> items = new HashMap<>();
        for (OrderLine l : o.lines() == null ? java.util.List.<OrderLine>of() : o.lines()) {
            items.computeIfAbsent(Checks.text("itemCode", l.itemCode(), 32), code -> ScopeRules.namedInBody(
                    "itemCode", code, () -> ctx.catalogue.getByCode(caller, code)));
        }
        String supplierCode = Checks.text("supplierCode", o.supplierCode(), 32);
        long id = Transactions.write(ctx.ds, "order.replicate", c -> {
            Optional<PurchaseOrder> stored = Jdbc.one(c, "SELECT id FROM tp_proc_order WHERE source_node = ? AND "
                    + "source_id = ?", args(from, o.id()), rs -> rs.getLong(1)).flatMap(x -> find(c, x));
            if (stored.isPresent() && stored.get().version() >= o.version()) {
                return stored.get().id(); // a redelivery or an older copy arriving late
            }
            long supplier = supplier(c, caller, from, supplierCode, s, o.provinceCode());
            long orderId;
            if (stored.isPresent()) {
                orderId = stored.get().id();
                Jdbc.update(c, "DELETE FROM tp_proc_approval WHERE order_id = ?", args(orderId));
                Jdbc.update(c, "DELETE FROM tp_proc_order_line WHERE order_id = ?", args(orderId));
                Jdbc.update(c, "UPDATE tp_proc_order SET supplier_id = ?, status = ?, emergency = ?, justification = ?, "
                        + "currency = ?, exchange_rate = ?, total_amount = ?, total_cny = ?, commitment_ref = ?, "
                        + "spent_cny = ?, note = ?, submitted_at = ?, approved_at = ?, placed_at = ?, received_at = ?, "
                        + "cancelled_by = ?, cancelled_at = ?, cancel_reason = ?, failure = ?, version = ?, "
                        + "source_as_of = ? WHERE id = ?", args(supplier, o.status().name(), o.emergency(),
                        o.justification(), o.currency(), o.exchangeRate(), o.totalAmount(), o.totalCny(),
                        lineRef(from, s), o.spentCny(), o.note(), o.submittedAt(), o.approvedAt(), o.placedAt(),
                        o.receivedAt(), o.cancelledBy(), o.cancelledAt(), o.cancelReason(), o.failure(), o.version(),
                        s.asOf(), orderId));
            } else {
                orderId = Jdbc.insert(c, "INSERT INTO tp_proc_order (number, province_code, supplier_id, depot_id, "
                        + "depot_code, depot_province, status, emergency, justification, currency, exchange_rate, "
                        + "total_amount, total_cny, commitment_ref, spent_cny, note, created_by, created_at, "
                        + "submitted_at, approved_at, placed_at, received_at, cancelled_by, cancelled_at, cancel_reason, "
                        + "failure, version, source_node, source_id, source_as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(number,
                        o.provinceCode(), supplier, depot.id(), depot.code(), depot.provinceCode(), o.status().name(),
                        o.emergency(), o.justification(), o.currency(), o.exchangeRate(), o.totalAmount(),
                        o.totalCny(), lineRef(from, s), o.spentCny(), o.note(), o.createdBy(), o.createdAt(),
                        o.submittedAt(), o.approvedAt(), o.placedAt(), o.receivedAt(), o.cancelledBy(),
                        o.cancelledAt(), o.cancelReason(), o.failure(), o.version(), from, o.id(), s.asOf()));
            }
            for (OrderLine l : o.lines() == null ? java.util.List.<OrderLine>of() : o.lines()) {
                Item item = items.get(l.itemCode());
                Jdbc.update(c, "INSERT INTO tp_proc_order_line (order_id, line_no, item_id, item_code, standard, "
                        + "quantity, unit_price, currency, promised_date, accepted_quantity, rejected_quantity) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(orderId, l.lineNo(), item.id(), item.code(),
                        l.standard(), l.quantity(), l.unitPrice(), o.currency(), l.promisedDate(),
                        l.acceptedQuantity(), l.rejectedQuantity()));
            }
            for (Approval a : o.approvals() == null ? java.util.List.<Approval>of() : o.approvals()) {
                OrderDao.insertApproval(c, orderId, a);
            }
            ctx.audit.record(c, caller, Orders.ENTITY, Long.toString(orderId), "REPLICATE",
                    stored.map(PurchaseOrder::version).orElse(null), Map.of("number", number, "status",
                            o.status().name(), "version", o.version()));
            return orderId;
        });
        return Transactions.read(ctx.ds, c -> OrderDao.find(c, id)).orElseThrow();
    }

    private static Optional<PurchaseOrder> find(Connection c, long id) {
        try {
            return OrderDao.find(c, id);
        } catch (SQLException e) {
            throw new DataAccessException("reading order " + id, e);
        }
    }

    /** The commitment as the copy names it: the line's copy at this node ({@code <node>/<line code>}). */
    private static String lineRef(String from, OrderSnapshot s) {
        return s.budgetLineCode() == null ? null : from + "/" + s.budgetLineCode();
    }

    /** The supplier by code: this node's (a national one) or, unknown here, a copy of the province's. */
    private long supplier(Connection c, Caller caller, String from, String code, OrderSnapshot s, String province)
            throws SQLException {
        Optional<Long> known = Jdbc.one(c, "SELECT id FROM tp_proc_supplier WHERE code = ?", args(code),
                rs -> rs.getLong(1));
        if (known.isPresent()) {
            return known.get();
        }
        String country = Checks.text("supplierCountry", s.supplierCountry(), 2);
        return Jdbc.insert(c, "INSERT INTO tp_proc_supplier (code, name, country, province_code, active, created_by, "
                + "created_at, version, source_node) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)", args(code,
                Checks.text("supplierName", s.supplierName(), 200), country, province, true, caller.user(),
                s.asOf(), from));
    }

    // --- a node rebuilt from central ---

    /** At central: what it holds of {@code node}'s orders, for the node's rebuild. */
    ProcurementService.ReplicaNumbering numbering(Caller caller, String node) {
        if (!ProcurementScope.seesEverything(caller)) {
            throw new AccessDeniedException("Another node's orders are read by the ministry");
        }
        String from = Checks.text("node", node, 64);
        return Transactions.read(ctx.ds, c -> Jdbc.one(c, "SELECT COALESCE(MAX(source_id), 0), COUNT(*) FROM "
                + "tp_proc_order WHERE source_node = ?", args(from), rs -> new ProcurementService.ReplicaNumbering(
                        rs.getLong(1), rs.getLong(2))).orElseThrow());
    }

    /** On the rebuilt node: its order numbering (ids, and the numbers made of them) continues above {@code orderId}. */
    void continueNumberingAbove(Caller caller, long orderId) {
        ScopeRules.requireMinistryWriter(caller, "orders");
        if (orderId < 0) {
            throw new ValidationException("orderId", "an order id is not negative");
        }
        Transactions.write(ctx.ds, "order.continue-numbering", c -> {
            Identities.continueAbove(c, "tp_proc_order", orderId);
            return null;
        });
    }
}
