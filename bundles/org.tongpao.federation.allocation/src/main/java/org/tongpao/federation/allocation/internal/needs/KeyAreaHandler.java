package org.tongpao.federation.allocation.internal.needs;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.core.Caller;
import org.tongpao.core.OrgUnitService;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.federation.SnapshotSequences;

/**
 * At a provincial node: central's key-area declaration or removal, applied by province code or unit code through
 * {@link NeedService} (central's link is the one writer of key areas on a federated province), when newer than the
 * last change of that key area applied here ({@link SnapshotSequences}, federation 1.3). A declaration
 * already here with the same label, or a removal of one not here, changes nothing; another label is declared
 * anew.
 */
@Component(property = {MessageHandler.TYPE + "=" + NeedContracts.KEY_AREA, MessageHandler.MAJOR + ":Integer=1"})
public class KeyAreaHandler implements MessageHandler {
    private final NeedService needs;
    private final OrgUnitService units;
    private final SnapshotSequences sequences;

    @Activate
    public KeyAreaHandler(@Reference NeedService needs, @Reference OrgUnitService units,
            @Reference SnapshotSequences sequences) {
        this.needs = needs;
        this.units = units;
        this.sequences = sequences;
    }

    @Override
    public void apply(Message message, Caller sender) {
        Map<String, Object> b = message.body();
        String province = NeedContracts.optionalText(b, "provinceCode");
        String unitCode = NeedContracts.optionalText(b, "unitCode");
        if ((province == null) == (unitCode == null)) {
            throw new IllegalArgumentException("a key area names exactly one of provinceCode and unitCode");
        }
        if (!sequences.claim(SnapshotSequences.KEY_AREA, NeedContracts.keyAreaKey(province, unitCode), message)) {
            return; // older than the key area held here (a copy queued before a rebuild, a parked one retried)
        }
        declare(needs, units, sender, province, unitCode, NeedContracts.optionalText(b, "label"),
                Boolean.parseBoolean(String.valueOf(b.get("declared"))));
    }

    /**
     * Central's key area of {@code province} (or of the unit {@code unitCode}) as declared or removed there: a
     * declaration already here with the same label, or a removal of one not here, changes nothing; another label is
     * declared anew. Shared with the rebuild's {@code key-areas} section.
     */
    static void declare(NeedService needs, OrgUnitService units, Caller central, String province, String unitCode,
            String label, boolean declared) {
        Optional<KeyArea> here = needs.keyAreas(central).stream().filter(a -> unitCode == null
                ? a.orgUnitId() == null && province.equals(a.provinceCode()) : unitCode.equals(a.unitCode())).findFirst();
        if (here.isPresent() && (!declared || !Objects.equals(here.get().label(), label))) {
            needs.removeKeyArea(central, here.get().id(), null);
        } else if (here.isPresent() || !declared) {
            return;
        }
        if (declared) {
            Long unitId = unitCode == null ? null : units.getByCode(central, unitCode).id();
            needs.declareKeyArea(central, new NewKeyArea(province, unitId, label), null);
        }
    }
}
