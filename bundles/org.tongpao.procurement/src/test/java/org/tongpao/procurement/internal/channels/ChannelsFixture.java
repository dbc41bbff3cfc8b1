package org.tongpao.procurement.internal.channels;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.internal.ProcurementSchema;

/** The channels' components wired on a fresh database, with a stand-in for the orders code. */
final class ChannelsFixture implements AutoCloseable {
    private final TestDatabase database = new TestDatabase();
    final DataSource ds = database.dataSource();
    final ChannelRegistry registry = new ChannelRegistry();
    final Orders orders = new Orders();
    final ProgressIntake intake;
    final ChannelService service;
    final ProgressPoller poller;

    /** The orders code as the listener sees it: the channel references it stored, the events it applied. */
    static final class Orders implements ChannelProgressListener {
        final Set<String> known = ConcurrentHashMap.newKeySet();
        final List<ProgressEvent> applied = new CopyOnWriteArrayList<>();

        @Override
        public boolean apply(Connection c, String channelId, ProgressEvent event) {
            if (event.channelOrderRef().startsWith("POISON")) {
                throw new IllegalStateException("line " + event.lineRef() + " has no such quantity");
            }
            if (!known.contains(event.channelOrderRef())) {
                return false;
            }
            applied.add(event);
            return true;
        }
    }

    ChannelsFixture(int timeoutMillis) {
        TestCore.migrate(ds);
        Migrations.migrate(ds, ProcurementSchema.class, ProcurementSchema.MIGRATIONS, ProcurementSchema.HISTORY);
        SchemaReady schema = SchemaReady.of(ProcurementSchema.NAME, ds);
        ChannelsConfig config = Configs.of(ChannelsConfig.class, Map.of("callTimeoutMillis", timeoutMillis,
                "threadsPerChannel", 1, "queuePerChannel", 4, "pollSeconds", 0));
        registry.configure(config);
        intake = new ProgressIntake(schema);
        intake.listener = orders;
        service = new ChannelService(registry, intake, schema);
        poller = new ProgressPoller(registry, intake, schema, config);
    }

    FakeChannel install(FakeChannel channel) {
        registry.add(channel.id, channel, 42, channel.id);
        return channel;
    }

    /** Progress rows stored for a channel, applied or kept. */
    long stored(String channelId) {
        return Transactions.read(ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM tp_proc_channel_progress WHERE channel_id = ?",
                List.of(channelId)));
    }

    @Override
    public void close() {
        poller.deactivate();
        registry.deactivate();
        database.close();
    }
}
