package org.tongpao.federation.testing;

import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;

/**
 * One node for the glue bundles' unit tests: a fresh database with core and its demo data ({@link TestCore}), a
 * {@link RecordingFederation} of what it sent, and {@link #apply} running a handler as the inbox does, inside
 * {@code Transactions.enclosing}. Add the bundle's own services on {@link #core}.
 */
public class FederatedNode implements AutoCloseable {
    private final TestDatabase db = new TestDatabase();
    public final TestCore core;
    public final RecordingFederation federation;

    /** {@code id} is {@code central} or {@code province:<code>}; {@code provinces} what central federates. */
    public FederatedNode(String id, List<String> provinces) {
        core = new TestCore(db.dataSource(), TestCore.node(id, true));
        federation = new RecordingFederation(id, provinces);
    }

    /** Applies {@code message} as this node's inbox would, as {@code sender}. */
    public void apply(MessageHandler handler, Message message, Caller sender) {
        Transactions.enclosing(core.ds, "inbox", c -> {
            handler.apply(message, sender);
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
