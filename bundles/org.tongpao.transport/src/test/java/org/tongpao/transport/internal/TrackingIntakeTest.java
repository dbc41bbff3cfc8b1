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
import org.tongpao.core.NotFoundException;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.TrackingReceipt;
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
    void aPushForAnUnknownWaybillWithNoBookingUnderWayIsRefusedAndParkedOnesExpire() {
        f = new TransportFixture();
        f.install(FakeCarrier.pushing("courier"));
        assertThatThrownBy(() -> f.transport.pushFromBundle("courier",
                List.of(tracking("NOPE-1", TrackingStatus.PICKED_UP, f.clock.now))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("NOPE-1");
        // one parked for a booking that never answered with that waybill: the watch drops it after an hour
        Transactions.inTransaction(f.ds, c -> {
            ParkedEventDao.park(c, "courier", tracking("LOST-1", TrackingStatus.ACCEPTED, f.clock.now),
                    "CARRIER", "carrier:courier", f.clock.now);
            return null;
        });
        f.transport.scan();
        assertThat(parkedRows()).isEqualTo(1);
        f.clock.now = f.clock.now.plus(TrackingIntake.PARKED_FOR).plusSeconds(1);
        f.transport.scan();
        assertThat(parkedRows()).isZero();
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
