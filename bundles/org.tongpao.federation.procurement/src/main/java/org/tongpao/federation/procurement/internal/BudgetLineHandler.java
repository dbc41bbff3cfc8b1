package org.tongpao.federation.procurement.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.FundingSource;

/**
 * At central: a province's budget line stored as a read-only copy ({@code <node>/<code>}) through
 * {@link FundingService#replicate}, as the province's link: a line held by another province or by the ministry is
 * refused and the message parked. A version not above the stored one changes nothing.
 */
// newer-wins: the copy is the whole line at its version, and FundingService.replicate keeps only a higher one
@Component(property = {MessageHandler.TYPE + "=" + ProcurementContracts.LINE, MessageHandler.MAJOR + ":Integer=1",
        MessageHandler.REDELIVERY + "=" + MessageHandler.NEWER_WINS})
public class BudgetLineHandler implements MessageHandler {
    private final FundingService funding;

    @Activate
    public BudgetLineHandler(@Reference FundingService funding) {
        this.funding = funding;
    }

    @Override
    public void apply(Message message, Caller sender) {
        Map<String, Object> b = message.body();
        BigDecimal budget = amount(b, "budget");
        BigDecimal committed = amount(b, "committed");
        BigDecimal spent = amount(b, "spent");
        BudgetLine line = new BudgetLine(number(b, "id"), text(b, "code"), text(b, "name"),
                FundingSource.valueOf(text(b, "source")), text(b, "holder"), (String) b.get("category"),
                text(b, "currency"), budget, committed, spent, budget.subtract(committed).subtract(spent),
                number(b, "version"), null, null, null, null);
        funding.replicate(sender, message.from(), line, message.occurredAt());
    }

    private static String text(Map<String, Object> b, String field) {
        Object v = b.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.toString();
    }

    private static long number(Map<String, Object> b, String field) {
        if (!(b.get(field) instanceof Number n)) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return n.longValue();
    }

    private static BigDecimal amount(Map<String, Object> b, String field) {
        try {
            return new BigDecimal(text(b, field));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a decimal amount", e);
        }
    }
}
