package org.tongpao.federation.internal.master;

import static org.tongpao.federation.internal.master.MasterData.byCode;
import static org.tongpao.federation.internal.master.MasterData.flag;
import static org.tongpao.federation.internal.master.MasterData.optionalInt;
import static org.tongpao.federation.internal.master.MasterData.optionalText;
import static org.tongpao.federation.internal.master.MasterData.text;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Item;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewItem;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.federation.internal.FederationSchema;

/** At a provincial node: central's catalogue-item snapshot, upserted by code through {@link CatalogueService}. */
@Component(property = {MessageHandler.TYPE + "=" + MasterData.ITEM, MessageHandler.MAJOR + ":Integer=1",
        MessageHandler.REDELIVERY + "=" + MessageHandler.NEWER_WINS})
public class ItemSnapshots implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ItemSnapshots.class);
    private final SnapshotOrder order;
    private final CatalogueService catalogue;

    @Activate
    public ItemSnapshots(@Reference CatalogueService catalogue,
            @Reference(target = "(" + SchemaReady.PROPERTY + "=" + FederationSchema.NAME + ")") SchemaReady schema) {
        this.order = new SnapshotOrder(schema.dataSource());
        this.catalogue = catalogue;
    }

    @Override
    public void apply(Message message, Caller sender) {
        Map<String, Object> b = message.body();
        String code = text(b, "code");
        if (!order.claim(MasterData.ITEM, code, message)) {
            LOG.info("{} {} of {} is older than the one applied here: ignored", message.type(), message.id(), code);
            return;
        }
        ItemUpdate wanted = new ItemUpdate(text(b, "categoryCode"), text(b, "name"), optionalText(b, "nameZh"),
                text(b, "unit"), optionalText(b, "standard"), optionalInt(b, "shelfLifeMonths"), null);
        Item item = byCode(() -> catalogue.getByCode(sender, code)).orElse(null);
        if (item == null) {
            item = catalogue.create(sender, new NewItem(code, wanted.categoryCode(), wanted.name(), wanted.nameZh(),
                    wanted.unit(), wanted.standard(), wanted.shelfLifeMonths()), null);
        } else if (!wanted.equals(new ItemUpdate(item.categoryCode(), item.name(), item.nameZh(), item.unit(),
                item.standard(), item.shelfLifeMonths(), null))) {
            item = catalogue.update(sender, item.id(), new ItemUpdate(wanted.categoryCode(), wanted.name(),
                    wanted.nameZh(), wanted.unit(), wanted.standard(), wanted.shelfLifeMonths(), item.version()), null);
        }
        if (item.active() && !flag(b, "active", true)) {
            catalogue.deactivate(sender, item.id(), null, null);
        }
    }
}
