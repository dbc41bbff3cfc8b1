package org.tongpao.federation.inventory.internal.census;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.inventory.CensusAnswer;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.ReserveCensus;

/**
 * At central: a province's answer to one of central's censuses, recorded as that province's answer by its link
 * (the sender acts as the province's officer, so an answer for another province is refused). Its figures are
 * the province's own; lateness and order go by when it was submitted there.
 */
// newer-wins: the answer is whole at its version; the same version again finds its row, and an older one arriving
// after a newer is kept as history only (the census shows each province's highest version), so the inbox may forget
// the message's id past retention
@Component(property = {MessageHandler.TYPE + "=" + CensusContracts.SUBMISSION, MessageHandler.MAJOR + ":Integer=1",
        MessageHandler.REDELIVERY + "=" + MessageHandler.NEWER_WINS})
public class CensusSubmissionHandler implements MessageHandler {
    private final ReserveCensus census;

    @Activate
    public CensusSubmissionHandler(@Reference ReserveCensus census) {
        this.census = census;
    }

    @Override
    public void apply(Message message, Caller sender) {
        Map<String, Object> b = message.body();
        long censusId = CensusContracts.centralId(CensusContracts.text(b, "census"));
        Map<String, Long> system = new TreeMap<>();
        if (b.get("system") instanceof Map<?, ?> figures) {
            figures.forEach((category, quantity) -> system.put(category.toString(),
                    CensusContracts.number(quantity, "system." + category)));
        }
        List<CensusSubmission.Declared> declared = new ArrayList<>();
        if (b.get("declared") instanceof List<?> lines) {
            for (Object line : lines) {
                Map<?, ?> d = (Map<?, ?>) line;
                declared.add(new CensusSubmission.Declared(String.valueOf(d.get("categoryCode")),
                        CensusContracts.number(d.get("quantity"), "declared.quantity"),
                        d.get("note") == null ? null : d.get("note").toString()));
            }
        }
        census.recordAnswer(sender, censusId, new CensusAnswer(message.from(), CensusContracts.text(b, "provinceCode"),
                (int) CensusContracts.number(b.get("version"), "version"), CensusContracts.instant(b, "submittedAt"),
                CensusContracts.text(b, "submittedBy"), system, declared));
    }
}
