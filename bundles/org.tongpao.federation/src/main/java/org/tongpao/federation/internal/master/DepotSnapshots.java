package org.tongpao.federation.internal.master;

import static org.tongpao.federation.internal.master.MasterData.byCode;
import static org.tongpao.federation.internal.master.MasterData.flag;
import static org.tongpao.federation.internal.master.MasterData.optionalText;
import static org.tongpao.federation.internal.master.MasterData.text;

import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotService;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.federation.internal.FederationSchema;

/**
 * At a provincial node: central's depot snapshot, upserted by code through {@link DepotService}; its owner unit
 * named by code. A deactivation the province's own stock still forbids (core's {@code DepotUsage}) fails and is
 * parked with that reason until the stock has gone.
 */
@Component(property = {MessageHandler.TYPE + "=" + MasterData.DEPOT, MessageHandler.MAJOR + ":Integer=1",
        MessageHandler.REDELIVERY + "=" + MessageHandler.NEWER_WINS})
public class DepotSnapshots implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DepotSnapshots.class);
    private final SnapshotOrder order;
    private final DepotService depots;
    private final OrgUnitService units;

    @Activate
    public DepotSnapshots(@Reference DepotService depots, @Reference OrgUnitService units,
            @Reference(target = "(" + SchemaReady.PROPERTY + "=" + FederationSchema.NAME + ")") SchemaReady schema) {
        this.order = new SnapshotOrder(schema.dataSource());
        this.depots = depots;
        this.units = units;
    }

    @Override
    public void apply(Message message, Caller sender) {
        Map<String, Object> b = message.body();
        String code = text(b, "code");
        if (!order.claim(MasterData.DEPOT, code, message)) {
            LOG.info("{} {} of {} is older than the one applied here: ignored", message.type(), message.id(), code);
            return;
        }
        String name = text(b, "name");
        String address = optionalText(b, "address");
        Depot depot = byCode(() -> depots.getByCode(sender, code)).orElse(null);
        if (depot == null) {
            long owner = units.getByCode(sender, text(b, "orgUnitCode")).id();
            depot = depots.create(sender, new NewDepot(code, name, owner, address), null);
        } else if (!depot.name().equals(name) || !Objects.equals(depot.address(), address)) {
            depot = depots.update(sender, depot.id(), new DepotUpdate(name, address, depot.version()), null);
        }
        if (depot.active() && !flag(b, "active", true)) {
            depots.deactivate(sender, depot.id(), null, null);
        }
    }
}
