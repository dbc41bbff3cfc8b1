package org.tongpao.procurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.internal.ProcurementFixture.BUYER;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.ProgressStatus;

/** An order that names a channel: placed and cancelled there, its progress taken onto the order. */
class ChannelOrdersTest {
    private final ProcurementFixture f = new ProcurementFixture();
    private final JdbcProcurementService p = f.procurement;
    private final Recording channel = new Recording();
    private final OrderProgressListener listener = new OrderProgressListener(p.progressBook());

    /** A channel side that records what it was asked and answers with a reference per order. */
    final class Recording implements OrderChannels {
        final List<String> calls = new ArrayList<>();
        final List<String> replayed = new ArrayList<>();
        boolean refuse;

        @Override
        public boolean exists(String channelId) {
            return true;
        }

        @Override
        public ChannelQuote quote(String channelId, QuoteRequest request) {
            throw new UnsupportedOperationException("not asked in these tests");
        }

        @Override
        public String place(PurchaseOrder order) {
            if (refuse) {
                throw new ConflictException("channelId", "Channel centre did not take order " + order.number());
            }
            calls.add("place " + order.number());
            return "CTR-" + order.id();
        }

        @Override
        public void cancel(PurchaseOrder order, String reason) {
            calls.add("cancel " + order.channelReference() + " " + reason);
        }

        @Override
        public void placed(Connection c, PurchaseOrder order, String reference) {
            replayed.add(reference);
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    private PurchaseOrder approvedThroughCentre() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        NewOrder o = f.maskOrder(supplier, "HB-WH-01", f.budgetLine("MINISTRY", "100000"), 1_000, true);
        NewOrder viaCentre = new NewOrder(o.supplierId(), o.depotId(), o.budgetLineId(), o.currency(), null, true,
                null, "centre", null, o.lines());
        PurchaseOrder created = p.createOrder(BUYER, viaCentre, null);
        p.submit(BUYER, created.id(), null);
        return p.approve(BUYER, created.id(), "single source, expedited: Wuhan needs masks", null);
    }

    @Test
    void withoutChannelsAnOrderNamingOneIsNotPlaced() {
        PurchaseOrder o = approvedThroughCentre();
        assertThatThrownBy(() -> p.place(BUYER, o.id(), null)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("channelId");
        assertThat(p.order(BUYER, o.id()).status()).isEqualTo(OrderStatus.APPROVED);
    }

    @Test
    void placingThroughTheChannelStoresItsReferenceAndReplaysEarlyProgress() {
        p.channels(channel);
        PurchaseOrder o = approvedThroughCentre();
        channel.refuse = true;
        assertThatThrownBy(() -> p.place(BUYER, o.id(), null)).isInstanceOf(ConflictException.class);
        assertThat(p.order(BUYER, o.id()).status()).isEqualTo(OrderStatus.APPROVED);
        channel.refuse = false;

        PurchaseOrder placed = p.place(BUYER, o.id(), null);

        assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(placed.channelReference()).isEqualTo("CTR-" + o.id());
        assertThat(channel.calls).containsExactly("place " + o.number());
        assertThat(channel.replayed).containsExactly("CTR-" + o.id());
    }

    @Test
    void progressFromTheChannelIsRecordedOnItsOrder() {
        p.channels(channel);
        PurchaseOrder o = p.place(BUYER, approvedThroughCentre().id(), null);
        Instant at = f.clock.instant();

        boolean known = Transactions.write(f.ds, "progress", c -> listener.apply(c, "centre",
                ProgressEvent.of("e1", "CTR-" + o.id(), ProgressStatus.CONFIRMED, at)));
        boolean unknown = Transactions.write(f.ds, "progress", c -> listener.apply(c, "centre",
                ProgressEvent.of("e2", "CTR-999", ProgressStatus.CONFIRMED, at)));
        Transactions.write(f.ds, "progress", c -> listener.apply(c, "centre", new ProgressEvent("e3",
                "CTR-" + o.id(), ProgressStatus.EXCEPTION, at, "1", 200L, null, List.of(), "200 short: raw material")));

        assertThat(known).isTrue();
        assertThat(unknown).isFalse();
        assertThat(p.progress(BUYER, o.id())).extracting(x -> x.kind()).containsExactly("CONFIRMED", "EXCEPTION");
        assertThat(p.progress(BUYER, o.id()).get(1).detail()).isEqualTo("line 1: 200; 200 short: raw material");
        assertThat(p.order(BUYER, o.id()).failure()).isEqualTo("200 short: raw material");
        assertThat(f.topics()).contains("order/PROGRESS");
    }

    @Test
    void cancellingAPlacedOrderCancelsItAtTheChannelFirst() {
        p.channels(channel);
        PurchaseOrder o = p.place(BUYER, approvedThroughCentre().id(), null);
        p.cancel(BUYER, o.id(), "bought elsewhere", null);
        assertThat(channel.calls).containsExactly("place " + o.number(), "cancel CTR-" + o.id() + " bought elsewhere");
        assertThat(f.line(o.budgetLineId()).committed()).isZero();
    }
}
