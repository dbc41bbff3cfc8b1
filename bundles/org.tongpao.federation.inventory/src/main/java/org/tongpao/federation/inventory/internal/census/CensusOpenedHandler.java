package org.tongpao.federation.inventory.internal.census;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.inventory.NewCensus;
import org.tongpao.inventory.ReserveCensus;

/**
 * At a provincial node: a census central opened is opened here too, named by central's id, so the province's
 * officer answers it from this node's balances. Opening it again changes nothing; a deadline already past is
 * accepted (the answer will be late).
 */
@Component(property = {MessageHandler.TYPE + "=" + CensusContracts.OPENED, MessageHandler.MAJOR + ":Integer=1"})
public class CensusOpenedHandler implements MessageHandler {
    private final ReserveCensus census;

    @Activate
    public CensusOpenedHandler(@Reference ReserveCensus census) {
        this.census = census;
    }

    @Override
    public void apply(Message message, Caller sender) {
        Map<String, Object> b = message.body();
        if (!(b.get("categories") instanceof List<?> categories)) {
            throw new IllegalArgumentException("categories must be a list");
        }
        census.openReplica(sender, CensusContracts.text(b, "census"), new NewCensus(CensusContracts.text(b, "title"),
                categories.stream().map(Object::toString).toList(), CensusContracts.instant(b, "deadline")));
    }
}
