package org.tongpao.federation.inventory.internal.transfer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.internal.outbox.JdbcEventOutbox;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.core.testing.TestOutbox;
import org.tongpao.federation.Federation;
import org.tongpao.federation.LinkStatus;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;

/**
 * One node for the tests: its own database with core (demo master data) and the real inventory, this bundle's
 * forwarder on the node's outbox, its handlers, and a {@link Federation} that keeps what the node sent once the
 * sending transaction committed (as a round trip through JSON, the way it travels). {@link #deliver} applies a
 * message the way the inbox does: inside {@code Transactions.enclosing}, as the sending node's caller. Public
 * (in this bundle's test jar) for the allocation glue's tests, which add their services and handlers.
 */
public final class Node implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    public final String id;
    private final TestDatabase database = new TestDatabase();
    public final DataSource ds = database.dataSource();
    public final TestCore core;
    public final InventoryComponent inventory;
    /** This node's outbox, recording events through the forwarders bound to it. */
    public final JdbcEventOutbox outbox;
    public final Federation federation = new Recording();
    public final LedgerOwners owners;
    public final List<Message> sent = new CopyOnWriteArrayList<>();
    private final Map<String, MessageHandler> handlers = new ConcurrentHashMap<>();

    public Node(String id, LedgerOwners owners) {
        this.id = id;
        this.owners = owners;
        core = new TestCore(ds, TestCore.node(id, true));
        SchemaReady schema = TestInventory.migrate(ds);
        outbox = new JdbcEventOutbox(ds, Runnable::run, TestOutbox.recorder(new ArrayList<>()));
        outbox.bindEventForwarder(new TransferEventForwarder(federation, core.node), Map.of(EventForwarder.TOPICS,
                new String[] {InventoryTopics.CROSS_NODE_DISPATCHED, InventoryTopics.CROSS_NODE_RECEIVED}));
        inventory = TestInventory.on(core, schema, outbox);
        inventory.bindNodeIdentity(core.node);
        inventory.bindLedgerOwners(owners);
        handle(TransferMessages.DISPATCHED, new TransferDispatchedHandler(inventory, federation, schema));
        handle(TransferMessages.RECEIVED, new TransferReceivedHandler(inventory, federation, schema));
    }

    /** Central's view: provinces 42 and 32 keep their own ledgers. */
    public static Node central() {
        return new Node("central", p -> p != null && Set.of("42", "32").contains(p) ? Optional.of("province:" + p) : Optional.empty());
    }

    /** A province's view (as federation answers it): its own province's ledgers are its own, central keeps the rest. */
    public static Node province(String code) {
        return new Node("province:" + code, p -> p == null || p.equals(code) ? Optional.empty() : Optional.of("central"));
    }

    /** Registers the handler of a message type, as the whiteboard would. */
    public void handle(String type, MessageHandler handler) {
        handlers.put(type, handler);
    }

    /** Applies {@code m} as the inbox would, as the sending node's caller. */
    public void deliver(Message m) {
        Transactions.enclosing(ds, "inbox " + m.id(), c -> {
            handlers.get(m.type()).apply(m, nodeCaller(m.from(), m.id()));
            return null;
        });
    }

    /** The caller a link acts as: central as the ministry, a province as its officer. */
    public static Caller nodeCaller(String node, String requestId) {
        return "central".equals(node) ? Caller.of("node:central", Set.of("ministry-admin"), requestId)
                : Caller.of("node:" + node, Set.of("province-officer", "province-" + node.substring(9)), requestId);
    }

    /** The one message of {@code type} this node sent since the last call, removed from the list. */
    public Message take(String type) {
        List<Message> of = sent.stream().filter(m -> m.type().equals(type)).toList();
        if (of.size() != 1) {
            throw new AssertionError(id + " sent " + of.size() + " " + type + " message(s): " + sent);
        }
        sent.remove(of.get(0));
        return of.get(0);
    }

    public long id(String table, String code) {
        return Transactions.read(ds, c -> one(c, "SELECT id FROM " + table + " WHERE code = ?", code));
    }

    public long number(String sql, Object... args) {
        return Transactions.read(ds, c -> one(c, sql, args));
    }

    private static long one(Connection c, String sql, Object... args) throws Exception {
        return org.tongpao.core.persistence.Jdbc.one(c, sql, List.of(args), rs -> rs.getLong(1)).orElse(0L);
    }

    /** Receives {@code qty} of an item into a depot as the ministry; returns the lot id. */
    public long stock(String depotCode, String itemCode, long qty) {
        return inventory.receive(Caller.of("admin", Set.of("ministry-admin"), "seed"), NewReceipt.builder()
                .depotId(id("tp_depot", depotCode)).itemId(id("tp_item", itemCode)).quantity(qty)
                .origin(LotOrigin.PURCHASE_ORDER).sourceDocument("PO-7").expiryDate(LocalDate.of(2031, 1, 1)).build(),
                null).id();
    }

    @Override
    public void close() {
        database.close();
    }

    /** Keeps each message once its transaction committed, as the outbox would send it. */
    private final class Recording implements Federation {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public String send(Connection connection, String to, String type, String version, Instant occurredAt,
                Map<String, ?> body) {
            String messageId = id + "/" + ids.incrementAndGet();
            Map<String, Object> wire;
            try {
                wire = JSON.readValue(JSON.writeValueAsString(body), new TypeReference<Map<String, Object>>() { });
            } catch (Exception e) {
                throw new IllegalStateException("body does not travel as JSON: " + body, e);
            }
            Message m = new Message(messageId, type, version, id, to, occurredAt, wire);
            Transactions.afterCommit(() -> sent.add(m));
            return messageId;
        }

        @Override
        public List<String> provinceNodes() {
            return List.of();
        }

        @Override
        public List<LinkStatus> links() {
            return List.of();
        }
    }
}
