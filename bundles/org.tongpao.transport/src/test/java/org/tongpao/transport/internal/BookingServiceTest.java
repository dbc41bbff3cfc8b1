package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.transport.internal.TestData.aShipment;
import static org.tongpao.transport.internal.TransportFixture.OFFICER;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentStatus;

/** Booking with a carrier that fails, and the retry with another (or the same, once it works again). */
class BookingServiceTest {
    final TransportFixture f = new TransportFixture();
    final FakeCarrier failing = f.install(FakeCarrier.pushing("slowpoke").refusing(true));
    final FakeCarrier swift = f.install(FakeCarrier.pushing("swift"));
    final long central = f.depot("CENTRAL-RESERVE");
    final long wuhan = f.depot("HB-WH-01");

    @AfterEach
    void tearDown() {
        f.close();
    }

    Shipment bookWith(String carrier, String key) {
        return f.transport.book(OFFICER, aShipment()
                .fromDepotId(central)
                .toDepotId(wuhan)
                .carrierId(carrier).build(), key);
    }

    @Test
    void aRefusedBookingIsStoredAsFailedWithTheCarriersReason() {
        Shipment s = bookWith("slowpoke", "book-1");
        assertThat(s.status()).isEqualTo(ShipmentStatus.BOOKING_FAILED);
        assertThat(s.waybill()).isNull();
        assertThat(s.failure()).contains("carrier slowpoke refused book").contains("no trucks left today");
        assertThat(s.number()).matches("SH-C-\\d{6}");
        assertThat(f.topics()).containsExactly("shipment/BOOKING_FAILED");
        // the same request again is the same shipment, not a second attempt
        assertThat(bookWith("slowpoke", "book-1").id()).isEqualTo(s.id());
        assertThat(f.topics()).containsExactly("shipment/BOOKING_FAILED");
    }

    @Test
    void aFailedBookingIsRebookedWithAnotherCarrier() {
        Shipment failed = bookWith("slowpoke", null);
        Shipment booked = f.transport.rebook(OFFICER, failed.id(), "swift", "rebook-1");
        assertThat(booked.status()).isEqualTo(ShipmentStatus.BOOKED);
        assertThat(booked.carrierId()).isEqualTo("swift");
        assertThat(booked.waybill()).isEqualTo("SWIFT-" + failed.number());
        assertThat(booked.failure()).isNull();
        assertThat(booked.quotedPrice()).isEqualByComparingTo("880.00");
        assertThat(booked.sla().milestones()).extracting(m -> m.due())
                .containsExactly(f.clock.now.plus(FakeCarrier.PROMISE.acceptWithin()),
                        f.clock.now.plus(FakeCarrier.PROMISE.pickupWithin()),
                        f.clock.now.plus(FakeCarrier.PROMISE.deliverWithin()));
        assertThat(f.topics()).containsExactly("shipment/BOOKING_FAILED", "shipment/BOOKED");
        // a repeat of the successful rebook answers the booked shipment; the carrier booked once
        assertThat(f.transport.rebook(OFFICER, failed.id(), null, "rebook-1").waybill()).isEqualTo(booked.waybill());
        assertThat(swift.bookings()).isEqualTo(1);
    }

    @Test
    void aRebookWithTheSameCarrierWorksOnceItTakesOrdersAgain() {
        Shipment failed = bookWith("slowpoke", null);
        assertThat(f.transport.rebook(OFFICER, failed.id(), null, null).status()).isEqualTo(ShipmentStatus.BOOKING_FAILED);
        failing.refusing(false);
        Shipment booked = f.transport.rebook(OFFICER, failed.id(), null, null);
        assertThat(booked.status()).isEqualTo(ShipmentStatus.BOOKED);
        assertThat(booked.waybill()).isEqualTo("SLOWPOKE-" + failed.number());
    }

    @Test
    void onlyAFailedBookingIsRetriedAndOnlyWithAKnownCarrier() {
        Shipment booked = bookWith("swift", null);
        assertThatThrownBy(() -> f.transport.rebook(OFFICER, booked.id(), "slowpoke", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only a failed booking is retried");
        Shipment failed = bookWith("slowpoke", null);
        assertThatThrownBy(() -> f.transport.rebook(OFFICER, failed.id(), "nobody", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no carrier 'nobody'");
        f.registry.remove("swift", swift);
        assertThatThrownBy(() -> f.transport.rebook(OFFICER, failed.id(), "swift", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not available");
    }
}
