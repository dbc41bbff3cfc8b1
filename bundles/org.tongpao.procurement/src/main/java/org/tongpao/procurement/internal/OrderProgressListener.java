package org.tongpao.procurement.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.internal.channels.ChannelProgressListener;

/**
 * Takes a channel's progress onto the order it names (in the channels' intake transaction): the report is stored
 * and posted as {@code order/PROGRESS}; an EXCEPTION also becomes the order's {@code failure}. The order's status
 * moves only with receipts: DELIVERED means handed over, and the receipt inspects what arrived.
 */
@Component(service = ChannelProgressListener.class)
public class OrderProgressListener implements ChannelProgressListener {
    private final ProgressBook book;

    @Activate
    public OrderProgressListener(@Reference JdbcProcurementService procurement) {
        this.book = procurement.progressBook();
    }

    OrderProgressListener(ProgressBook book) {
        this.book = book;
    }

    @Override
    public boolean apply(Connection c, String channelId, ProgressEvent e) throws Exception {
        Optional<PurchaseOrder> order = OrderDao.findByChannelReference(c, channelId, e.channelOrderRef());
        if (order.isEmpty()) {
            return false;
        }
        book.record(c, order.get(), e.status().name(), e.at(), detail(e), channelId);
        if (e.status() == ProgressStatus.EXCEPTION) {
            OrderDao.update(c, order.get().id(), "failure = ?", List.of(e.note()));
        }
        return true;
    }

    private static String detail(ProgressEvent e) {
        StringBuilder sb = new StringBuilder();
        if (e.lineRef() != null) {
            sb.append("line ").append(e.lineRef());
            if (e.quantity() != null) {
                sb.append(": ").append(e.quantity());
            }
            sb.append("; ");
        }
        if (e.expectedDate() != null) {
            sb.append("expected ").append(e.expectedDate()).append("; ");
        }
        if (!e.documents().isEmpty()) {
            sb.append(e.documents().size()).append(" document(s); ");
        }
        if (e.note() != null) {
            sb.append(e.note());
        }
        String s = sb.toString().strip();
        s = s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
        return s.isEmpty() ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
