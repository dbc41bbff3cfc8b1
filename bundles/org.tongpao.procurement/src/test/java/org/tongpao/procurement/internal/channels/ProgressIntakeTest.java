package org.tongpao.procurement.internal.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.ProgressDocument;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressStatus;

/** Progress is taken once per (channel, event id); progress for an order not known yet is kept until it is. */
class ProgressIntakeTest {
    static final Instant T0 = Instant.parse("2020-02-01T08:00:00Z");
    final ChannelsFixture f = new ChannelsFixture(1000);

    @AfterEach
    void tearDown() {
        f.close();
    }

    static ProgressEvent event(String id, String ref, ProgressStatus status) {
        return ProgressEvent.of(id, ref, status, T0);
    }

    @Test
    void theSameEventIdTwiceIsTakenOnce() {
        f.orders.known.add("SUP-1");
        List<ProgressEvent> events = List.of(event("E1", "SUP-1", ProgressStatus.CONFIRMED), event("E2", "SUP-1", ProgressStatus.IN_PRODUCTION));
        assertThat(f.intake.accept("centre", events, ProgressStore.Source.PUSH)).isEqualTo(2);
        assertThat(f.intake.accept("centre", events, ProgressStore.Source.PUSH)).isZero();
        assertThat(f.intake.accept("centre", List.of(event("E1", "SUP-1", ProgressStatus.CONFIRMED),
                event("E1", "SUP-1", ProgressStatus.CONFIRMED)), ProgressStore.Source.PULL)).isZero();
        assertThat(f.orders.applied).extracting(ProgressEvent::eventId).containsExactly("E1", "E2");
        assertThat(f.stored("centre")).isEqualTo(2);
        // another channel's E1 is another event
        assertThat(f.intake.accept("import", List.of(event("E1", "SUP-1", ProgressStatus.CONFIRMED)), ProgressStore.Source.PUSH)).isEqualTo(1);
    }

    @Test
    void progressForAnUnknownOrderIsKeptAndAppliedWhenTheOrderIsStored() throws Exception {
        ProgressEvent shipped = new ProgressEvent("E2", "SUP-7", ProgressStatus.SHIPPED, T0.plusSeconds(60), "L1", 400L,
                LocalDate.parse("2020-02-10"), List.of(new ProgressDocument(DocumentKind.WAYBILL, "SF-1", null, "https://sup.example/w/SF-1")), "first part");
        f.intake.accept("centre", List.of(event("E1", "SUP-7", ProgressStatus.CONFIRMED), shipped), ProgressStore.Source.PUSH);
        assertThat(f.orders.applied).isEmpty();
        assertThat(f.service.channels()).isEmpty(); // never installed nor polled: the list holds installed and seen ones
        assertThat(kept("centre")).isEqualTo(2);

        f.orders.known.add("SUP-7"); // the orders code stores the channel's reference, and in that transaction:
        int applied = Transactions.write(f.ds, "order placed", c -> f.service.applyKept(c, "centre", "SUP-7"));
        assertThat(applied).isEqualTo(2);
        assertThat(f.orders.applied).containsExactly(event("E1", "SUP-7", ProgressStatus.CONFIRMED), shipped);
        assertThat(kept("centre")).isZero();
    }

    @Test
    void theSweepAppliesKeptProgressOnceItsOrderIsKnown() {
        f.intake.accept("centre", List.of(event("E1", "SUP-8", ProgressStatus.CONFIRMED)), ProgressStore.Source.PUSH);
        assertThat(f.intake.sweep()).isZero();
        f.orders.known.add("SUP-8");
        assertThat(f.intake.sweep()).isEqualTo(1);
        assertThat(f.intake.sweep()).isZero();
        assertThat(f.orders.applied).hasSize(1);
    }

    @Test
    void anEventTheOrdersRefuseIsKeptWithTheReasonAndTheOthersStillApply() throws Exception {
        f.orders.known.add("SUP-1");
        int fresh = f.intake.accept("centre", List.of(new ProgressEvent("E1", "POISON-1", ProgressStatus.DELIVERED, T0, "L1", 5L,
                null, List.of(), null), event("E2", "SUP-1", ProgressStatus.CONFIRMED)), ProgressStore.Source.PUSH);
        assertThat(fresh).isEqualTo(2);
        assertThat(f.orders.applied).extracting(ProgressEvent::eventId).containsExactly("E2");
        String problem = Transactions.read(f.ds, c -> Jdbc.one(c, "SELECT apply_problem FROM tp_proc_channel_progress "
                + "WHERE event_id = 'E1'", List.of(), rs -> rs.getString(1)).orElseThrow());
        assertThat(problem).isEqualTo("line L1 has no such quantity");
        assertThat(f.intake.sweep()).isZero(); // refused events wait for their order to be matched again
        assertThat(kept("centre")).isEqualTo(1);
    }

    @Test
    void withoutTheOrdersCodeEverythingIsKept() {
        f.intake.listener = null;
        f.orders.known.add("SUP-1");
        assertThat(f.intake.accept("centre", List.of(event("E1", "SUP-1", ProgressStatus.CONFIRMED)), ProgressStore.Source.BUNDLE)).isEqualTo(1);
        assertThat(kept("centre")).isEqualTo(1);
        f.intake.listener = f.orders;
        assertThat(f.intake.sweep()).isEqualTo(1);
    }

    private long kept(String channelId) {
        return Transactions.read(f.ds, c -> ProgressStore.keptCount(c, channelId));
    }
}
