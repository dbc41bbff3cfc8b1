package org.example.express.carrier.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.example.express.simulator.CourierSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.testkit.AbstractCarrierContractTest;

/** Tongpao's carrier contract, through the real HTTP path to the simulated courier. */
class ExpressCarrierContractTest extends AbstractCarrierContractTest {
    static CourierSimulator courier;

    @BeforeAll
    static void startCourier() throws IOException {
        courier = new CourierSimulator().start();
    }

    @AfterAll
    static void stopCourier() {
        courier.stop();
    }

    @Override
    protected Carrier carrier() {
        return new ExpressCarrier(new CourierClient(URI.create(courier.baseUrl()), courier.apiKey(), Duration.ofSeconds(3)));
    }

    @Override
    protected String carrierId() {
        return "express";
    }
}
