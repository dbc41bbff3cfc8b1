package org.tongpao.procurement.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.OrderApproval;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.RequestLine;

/**
 * Ready-made requests and orders for tests: 200,000 medical protective masks (catalogue item
 * {@value #ITEM}, category {@value #CATEGORY}, GB 19083-2010) for the Wuhan depot in Hubei (42), in CNY.
 */
public final class Samples {
    public static final String ITEM = "MASK-MEDPROT";
    public static final String CATEGORY = "MASK";
    public static final String STANDARD = "GB 19083-2010";
    public static final long QUANTITY = 200_000;
    public static final String PROVINCE = "42";

    private Samples() {
    }

    /** A request for quotation of one line ({@code 1}), needed in 14 days. */
    public static QuoteRequest quoteRequest(String requestRef) {
        return new QuoteRequest(requestRef, List.of(new RequestLine("1", ITEM, CATEGORY, QUANTITY, STANDARD)), PROVINCE,
                LocalDate.now(ZoneOffset.UTC).plusDays(14), false);
    }

    /** The justification of {@link #emergencyOrder}'s approval. */
    public static final String JUSTIFICATION = "Wuhan's hospitals run out of protective masks within two days";

    /**
     * An order of one line ({@code 1}) at 2.80 CNY a piece, promised in 14 days, with the two approvals Tongpao sends
     * for a normal order (SPI 1.2).
     */
    public static ChannelOrder order(String orderRef) {
        Instant approved = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new ChannelOrder(orderRef, null, "CNY", List.of(new OrderLine("1", ITEM, QUANTITY, new BigDecimal("2.80"),
                LocalDate.now(ZoneOffset.UTC).plusDays(14))), PROVINCE, "Wuhan depot, 1 Depot Road, Wuhan", false, null,
                List.of(new OrderApproval("li.na", "procurement-officer", approved, null),
                        new OrderApproval("wang.wei", "procurement-officer", approved, null)));
    }

    /**
     * The same order as an emergency procurement: single source, expedited, approved by one person with
     * {@link #JUSTIFICATION} (SPI 1.2); the justification is also the note, as Tongpao sends it.
     */
    public static ChannelOrder emergencyOrder(String orderRef) {
        ChannelOrder o = order(orderRef);
        return new ChannelOrder(orderRef, null, o.currency(), o.lines(), o.deliverToProvince(), o.deliverTo(), true,
                JUSTIFICATION, List.of(new OrderApproval("zhang.min", "procurement-officer",
                        o.approvals().get(0).approvedAt(), JUSTIFICATION)));
    }

    /** The same order under another reference. */
    public static ChannelOrder withRef(ChannelOrder order, String orderRef) {
        return new ChannelOrder(orderRef, order.quoteRef(), order.currency(), order.lines(), order.deliverToProvince(),
                order.deliverTo(), order.emergency(), order.note(), order.approvals());
    }
}
