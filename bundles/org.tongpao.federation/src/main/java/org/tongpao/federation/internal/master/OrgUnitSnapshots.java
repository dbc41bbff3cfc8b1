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
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.federation.internal.FederationSchema;

/**
 * At a provincial node: central's org-unit snapshot, upserted by code through {@link OrgUnitService} (which joins
 * the inbox transaction). A snapshot equal to what the node holds changes nothing; a parent not received yet
 * fails the message, which is parked and applied again later.
 */
@Component(property = {MessageHandler.TYPE + "=" + MasterData.ORG_UNIT, MessageHandler.MAJOR + ":Integer=1",
        MessageHandler.REDELIVERY + "=" + MessageHandler.NEWER_WINS})
public class OrgUnitSnapshots implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OrgUnitSnapshots.class);
    private final SnapshotOrder order;
    private final OrgUnitService units;

    @Activate
    public OrgUnitSnapshots(@Reference OrgUnitService units,
            @Reference(target = "(" + SchemaReady.PROPERTY + "=" + FederationSchema.NAME + ")") SchemaReady schema) {
        this.order = new SnapshotOrder(schema.dataSource());
        this.units = units;
    }

    @Override
    public void apply(Message message, Caller sender) {
        Map<String, Object> b = message.body();
        String code = text(b, "code");
        if (!order.claim(MasterData.ORG_UNIT, code, message)) {
            LOG.info("{} {} of {} is older than the one applied here: ignored", message.type(), message.id(), code);
            return;
        }
        String name = text(b, "name");
        String nameZh = optionalText(b, "nameZh");
        boolean frontLine = flag(b, "frontLine", false);
        OrgUnit unit = byCode(() -> units.getByCode(sender, code)).orElse(null);
        if (unit == null) {
            OrgLevel level = OrgLevel.valueOf(text(b, "level"));
            String parentCode = optionalText(b, "parentCode");
            Long parentId = parentCode == null ? null : units.getByCode(sender, parentCode).id();
            unit = units.create(sender, new NewOrgUnit(code, name, nameZh, level, parentId,
                    level == OrgLevel.PROVINCE ? optionalText(b, "provinceCode") : null, frontLine), null);
        } else if (!unit.name().equals(name) || !Objects.equals(unit.nameZh(), nameZh) || unit.frontLine() != frontLine) {
            unit = units.update(sender, unit.id(), new OrgUnitUpdate(name, nameZh, frontLine, unit.version()), null);
        }
        if (!Objects.equals(unit.parentId() == null ? null : units.get(sender, unit.parentId()).code(),
                optionalText(b, "parentCode"))) {
            // code, level and parent are fixed once created, at central too: only a unit made here before
            // federation can differ
            LOG.warn("Org unit {} has another parent here than at central; parents are fixed once created", code);
        }
        if (unit.active() && !flag(b, "active", true)) {
            units.deactivate(sender, unit.id(), null, null);
        }
    }
}
