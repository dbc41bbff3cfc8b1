package org.tongpao.transport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.testkit.InMemoryCarrier.Fault;

/** The contract passes a well-behaved carrier and catches each way of breaking it, with a clear message. */
class CarrierContractTest {
    static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void aWellBehavedCarrierPasses() {
        CarrierContract.verify(new InMemoryCarrier(), Samples.order("SH-OK-1"));
    }

    @Test
    void aHangingCallIsAbandonedAfterTheTimeLimitAndInterrupted() throws InterruptedException {
        InMemoryCarrier carrier = new InMemoryCarrier(Fault.HANG_ON_BOOK);
        long start = System.nanoTime();
        try (FakeTongpao tongpao = new FakeTongpao("im", carrier, SHORT)) {
            assertThatThrownBy(() -> CarrierContract.verify(tongpao, Samples.order("SH-HANG")))
                    .isInstanceOf(ContractViolation.class)
                    .hasMessageStartingWith("[booking is idempotent] book(SH-HANG) did not answer within 300 ms");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(carrier.hangInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRuntimeExceptionIsTheCarriersFailure() {
        assertThatThrownBy(() -> CarrierContract.verify(new InMemoryCarrier(Fault.RUNTIME_EXCEPTION_ON_QUOTE),
                Samples.order("SH-RTE")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("[quote] quote(SH-RTE) threw java.lang.IllegalStateException: pricing table not loaded");
    }

    @Test
    void anotherWaybillForTheSameShipmentIsCaught() {
        assertThatThrownBy(() -> CarrierContract.verify(new InMemoryCarrier(Fault.NEW_WAYBILL_ON_REPEAT),
                Samples.order("SH-TWICE")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("booking shipmentRef SH-TWICE again returned waybill IM-2 but the first booking returned IM-1");
    }

    @Test
    void eventsOfAnotherWaybillAreCaught() {
        assertThatThrownBy(() -> CarrierContract.verify(new InMemoryCarrier(Fault.FOREIGN_EVENTS), Samples.order("SH-F")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("[tracking]")
                .hasMessageContaining("returned an event of waybill OTHER-1");
    }

    @Test
    void eventsNewestFirstAreCaught() {
        assertThatThrownBy(() -> CarrierContract.verify(new InMemoryCarrier(Fault.NEWEST_FIRST), Samples.order("SH-N")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("out of order")
                .hasMessageContaining("oldest first");
    }

    @Test
    void aMissingProfileIsCaught() {
        assertThatThrownBy(() -> CarrierContract.verify(new InMemoryCarrier(Fault.NULL_PROFILE), Samples.order("SH-P")))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("[profile] profile() returned null");
    }

    @Test
    void anOutOfBoundsValueIsTheCarriersFailure() {
        assertThatThrownBy(() -> CarrierContract.verify(new InMemoryCarrier(Fault.INVALID_BOOKING), Samples.order("SH-V")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("threw java.lang.IllegalArgumentException: waybill may contain only")
                .hasMessageContaining("out-of-bounds value");
    }

    @Test
    void aRefusedCancelBeforePickupIsCaught() {
        assertThatThrownBy(() -> CarrierContract.verify(new InMemoryCarrier(Fault.REFUSE_CANCEL), Samples.order("SH-C")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("[cancel before pick-up] the carrier refused with CarrierException(\"already on the road\", retryable=false)");
    }

    @Test
    void anOrderTheCarrierDoesNotServeIsTheTestsMistakeAndSaysSo() {
        var order = Samples.order("SH-X");
        var toShanghai = new org.tongpao.transport.api.ShipmentOrder("SH-X", order.from(),
                new org.tongpao.transport.api.Place("SH-01", "31", "Shanghai depot", null, null, null), 1,
                order.weightKg(), null, order.readyAt(), null, false, null);
        assertThatThrownBy(() -> CarrierContract.verify(new InMemoryCarrier(), toShanghai))
                .hasMessageContaining("province 31, which the profile does not serve");
    }

    @Test
    void aCarrierExceptionReachesTheCallerUnchanged() {
        try (FakeTongpao tongpao = new FakeTongpao("im", new InMemoryCarrier())) {
            assertThatThrownBy(() -> tongpao.cancel("NOPE", "test"))
                    .isInstanceOf(CarrierException.class).hasMessage("unknown waybill NOPE");
            assertThat(tongpao.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
