package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.transport.internal.TestData.aShipment;
import static org.tongpao.transport.internal.TestData.tracking;
import static org.tongpao.transport.internal.TransportFixture.OFFICER;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.util.Set;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.TrackingReceipt;
import org.tongpao.transport.UnmatchedEvent;
import org.tongpao.transport.api.TrackingStatus;

/** Tracking onto the timeline: parked webhooks that overtake the booking, and the retry when the row moved on. */
class TrackingIntakeTest {
    TransportFixture f;

    @AfterEach
    void tearDown() {
        f.close();
    }

    Shipment book(String carrier) {
        return f.transport.book(OFFICER, aShipment()
                .fromDepotId(f.depot("CENTRAL-RESERVE"))
                .toDepotId(f.depot("HB-WH-01"))
                .carrierId(carrier).build(), null);
    }

    long parkedRows() {
        return Transactions.read(f.ds, c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM tp_tr_parked_event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aWebhookThatOvertakesTheBookingIsParkedThenMatched() {
        f = new TransportFixture();
        AtomicReference<TrackingReceipt> early = new AtomicReference<>();
        FakeCarrier courier = FakeCarrier.pushing("courier");
        // the courier's webhook fires before its answer to book() reaches Tongpao
        courier.beforeAnswering(waybill -> early.set(f.transport.pushFromBundle("courier",
                List.of(tracking(waybill, TrackingStatus.ACCEPTED, f.clock.now.plusSeconds(5))))));
        f.install(courier);
        Shipment s = book("courier");
        assertThat(early.get()).isEqualTo(new TrackingReceipt(0, 0, 1));
        assertThat(s.status()).isEqualTo(ShipmentStatus.ACCEPTED);
        assertThat(s.acceptedAt()).isEqualTo(f.clock.now.plusSeconds(5));
        assertThat(f.transport.events(OFFICER, s.id())).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(TrackingStatus.ACCEPTED);
            assertThat(e.source()).isEqualTo("CARRIER");
            assertThat(e.recordedBy()).isEqualTo("carrier:courier");
        });
        assertThat(parkedRows()).isZero();
        assertThat(f.topics()).containsExactly("shipment/BOOKED", "shipment/STATUS");
    }

    @Test
    void aPushForAWaybillNoBookingHasReturnedIsKeptListedAndMatchedInOrderOfOccurrence() {
        f = new TransportFixture();
        f.install(FakeCarrier.pushing("courier"));
        f.install(FakeCarrier.pushing("other"));
        Caller courier = Caller.of("courier-api", Set.of("partner", "partner-courier"), "req-courier");
        Caller other = Caller.of("other-api", Set.of("partner", "partner-other"), "req-other");
        // no booking under way: the first shipment's waybill will be COURIER-SH-C-000001; picked up reported first
        String waybill = "COURIER-SH-C-000001";
        TrackingReceipt kept = f.transport.push(courier, "courier", List.of(
                tracking(waybill, TrackingStatus.PICKED_UP, f.clock.now.plusSeconds(120)),
                tracking(waybill, TrackingStatus.ACCEPTED, f.clock.now.plusSeconds(60))));
        assertThat(kept).isEqualTo(new TrackingReceipt(0, 0, 2));
        assertThat(f.transport.unmatched(courier, "courier", 50, null).items()).extracting(UnmatchedEvent::status)
                .containsExactly(TrackingStatus.PICKED_UP, TrackingStatus.ACCEPTED);
        assertThat(f.transport.unmatched(OFFICER, "courier", 50, null).items()).hasSize(2);
        assertThat(f.transport.unmatched(OFFICER, null, 50, null).items()).hasSize(2);
        assertThatThrownBy(() -> f.transport.unmatched(other, "courier", 50, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.transport.unmatched(other, "other", 50, null).items()).isEmpty();
        assertThatThrownBy(() -> f.transport.unmatched(TransportFixture.HUBEI, "courier", 50, null))
                .isInstanceOf(AccessDeniedException.class);

        // hours of scans later nothing was dropped; then the booking returns the waybill and both apply in order
        f.clock.now = f.clock.now.plus(Duration.ofHours(3));
        f.transport.scan();
        assertThat(parkedRows()).isEqualTo(2);
        Shipment s = book("courier");
        assertThat(s.waybill()).isEqualTo(waybill);
        assertThat(s.status()).isEqualTo(ShipmentStatus.PICKED_UP);
        assertThat(f.transport.events(OFFICER, s.id())).extracting(ShipmentEvent::status)
                .containsExactly(TrackingStatus.ACCEPTED, TrackingStatus.PICKED_UP);
        assertThat(parkedRows()).isZero();
        assertThat(f.transport.unmatched(courier, "courier", 50, null).items()).isEmpty();
    }

    @Test
    void trackingIsAppliedAgainWhenAnotherWriterMovedTheShipmentOnMeanwhile() {
        AtomicInteger races = new AtomicInteger(Integer.MAX_VALUE); // disarmed until the shipment is booked
        f = new TransportFixture(db -> racing(db.dataSource(), races, 1));
        f.install(FakeCarrier.pushing("courier"));
        Shipment s = book("courier");
        races.set(0);
        TrackingReceipt r = f.transport.record(OFFICER, s.id(), List.of(tracking(s.waybill(),
                TrackingStatus.PICKED_UP, f.clock.now.plus(Duration.ofMinutes(3)))));
        assertThat(races.get()).isEqualTo(1);
        assertThat(r).isEqualTo(new TrackingReceipt(1, 0, 0));
        Shipment after = f.transport.shipment(OFFICER, s.id());
        assertThat(after.status()).isEqualTo(ShipmentStatus.PICKED_UP);
        assertThat(after.notes()).isEqualTo("changed meanwhile");
        assertThat(f.transport.events(OFFICER, s.id())).extracting(ShipmentEvent::status)
                .containsExactly(TrackingStatus.PICKED_UP);
        // the attempt that met the other writer rolled back: its status event was never posted
        assertThat(f.topics()).containsExactly("shipment/BOOKED", "shipment/STATUS");
    }

    @Test
    void aShipmentThatKeepsMovingOnIsAConflictAfterThreeAttempts() {
        AtomicInteger races = new AtomicInteger(Integer.MAX_VALUE); // disarmed until the shipment is booked
        f = new TransportFixture(db -> racing(db.dataSource(), races, Integer.MAX_VALUE));
        f.install(FakeCarrier.pushing("courier"));
        Shipment s = book("courier");
        races.set(0);
        assertThatThrownBy(() -> f.transport.record(OFFICER, s.id(), List.of(tracking(s.waybill(),
                TrackingStatus.PICKED_UP, f.clock.now)))).isInstanceOf(StaleVersionException.class);
        assertThat(races.get()).isEqualTo(3);
        assertThat(f.transport.events(OFFICER, s.id())).isEmpty();
        assertThat(f.transport.shipment(OFFICER, s.id()).status()).isEqualTo(ShipmentStatus.BOOKED);
        assertThat(f.topics()).containsExactly("shipment/BOOKED");
    }

    /**
     * The database as the transport service sees it, where another writer changes the shipment right after a
     * transaction read it (at most {@code times} times): the guarded update that follows finds the row moved on.
     */
    static DataSource racing(DataSource ds, AtomicInteger races, int times) {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object answer = invoke(method, ds, args);
                    return answer instanceof Connection c ? racingConnection(ds, c, races, times) : answer;
                });
    }

    private static Connection racingConnection(DataSource ds, Connection c, AtomicInteger races, int times) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object answer = invoke(method, c, args);
                    boolean read = method.getName().equals("prepareStatement") && !c.getAutoCommit()
                            && ((String) args[0]).startsWith("SELECT * FROM tp_tr_shipment WHERE id = ?");
                    if (!read || races.get() >= times) {
                        return answer;
                    }
                    PreparedStatement ps = (PreparedStatement) answer;
                    return java.lang.reflect.Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                            new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                Object result = invoke(m, ps, a);
                                if (m.getName().equals("close") && races.getAndIncrement() < times) {
                                    changeEveryShipment(ds);
                                }
                                return result;
                            });
                });
    }

    private static void changeEveryShipment(DataSource ds) throws SQLException {
        try (Connection other = ds.getConnection(); PreparedStatement ps = other.prepareStatement(
                "UPDATE tp_tr_shipment SET notes = 'changed meanwhile', version = version + 1")) {
            ps.executeUpdate();
        }
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
