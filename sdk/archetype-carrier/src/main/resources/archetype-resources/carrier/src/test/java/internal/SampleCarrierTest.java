package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.TrackingStatus;
import org.tongpao.transport.testkit.FakeTongpao;
import org.tongpao.transport.testkit.Samples;

/** Your own cases, called the way Tongpao calls the carrier (worker thread, 5 s limit). */
class SampleCarrierTest {

    @Test
    void aBookingIsAcceptedAndTrackable() throws Exception {
        try (FakeTongpao tongpao = new FakeTongpao("${carrierId}", new SampleCarrier())) {
            Booking booking = tongpao.book(Samples.order("SH-1"));
            assertEquals(TrackingStatus.ACCEPTED, tongpao.track(booking.waybill()).get(0).status());
        }
    }

    @Test
    void anUnknownWaybillIsRefusedNotRetried() {
        try (FakeTongpao tongpao = new FakeTongpao("${carrierId}", new SampleCarrier())) {
            CarrierException e = assertThrows(CarrierException.class, () -> tongpao.track("NOPE"));
            assertFalse(e.isRetryable());
        }
    }
}
