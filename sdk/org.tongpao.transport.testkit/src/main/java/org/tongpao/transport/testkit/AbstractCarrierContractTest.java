package org.tongpao.transport.testkit;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.ShipmentOrder;

/**
 * The carrier contract as one JUnit 5 test per property. Extend it, return your carrier from {@link
 * #carrier()} (started against whatever it talks to), and each check runs through a fresh {@link
 * FakeTongpao} with a fresh shipment reference.
 *
 * <pre>{@code
 * class ExpressContractTest extends AbstractCarrierContractTest {
 *     protected Carrier carrier() { return new ExpressCarrier(...); }
 * }
 * }</pre>
 */
public abstract class AbstractCarrierContractTest {
    /** The fake runtime of the current test; available to subclasses' own tests too. */
    protected FakeTongpao tongpao;

    /** The carrier under test; called once before each test. */
    protected abstract Carrier carrier();

    /** The id the carrier registers under ({@code tongpao.carrier.id}). */
    protected String carrierId() {
        return "carrier-under-test";
    }

    /** The platform's per-call limit; 5 s like the default platform. */
    protected Duration callTimeout() {
        return FakeTongpao.DEFAULT_CALL_TIMEOUT;
    }

    /** An order the carrier serves, under the given reference; by default {@link Samples#order}. */
    protected ShipmentOrder sampleOrder(String shipmentRef) {
        return Samples.order(shipmentRef);
    }

    /** A shipment reference no earlier test used. */
    protected String freshShipmentRef() {
        return "CT-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @BeforeEach
    void startFakeTongpao() {
        tongpao = new FakeTongpao(carrierId(), carrier(), callTimeout());
    }

    @AfterEach
    void stopFakeTongpao() {
        tongpao.close();
    }

    @Test
    void profileIsPresentAndValid() {
        CarrierContract.profileIsValid(tongpao, sampleOrder(freshShipmentRef()));
    }

    @Test
    void quoteAnswers() {
        CarrierContract.quoteAnswers(tongpao, sampleOrder(freshShipmentRef()));
    }

    @Test
    void aDeliveryToAFrontLineUnitIsQuoted() {
        CarrierContract.unitDeliveryQuotes(tongpao, sampleOrder(freshShipmentRef()));
    }

    @Test
    void bookingTheSameShipmentTwiceGivesTheSameWaybill() {
        CarrierContract.bookingIsIdempotent(tongpao, sampleOrder(freshShipmentRef()));
    }

    @Test
    void trackingReturnsOnlyThatWaybillOldestFirst() {
        CarrierContract.trackingIsPerWaybillOldestFirst(tongpao, sampleOrder(freshShipmentRef()));
    }

    @Test
    void cancelWorksBeforePickup() {
        CarrierContract.cancelWorksBeforePickup(tongpao, sampleOrder(freshShipmentRef()));
    }
}
