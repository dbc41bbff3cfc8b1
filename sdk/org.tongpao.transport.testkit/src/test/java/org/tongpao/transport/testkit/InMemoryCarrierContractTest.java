package org.tongpao.transport.testkit;

import org.tongpao.transport.api.Carrier;

/** The abstract JUnit 5 contract test, run against the well-behaved in-memory carrier. */
class InMemoryCarrierContractTest extends AbstractCarrierContractTest {
    @Override
    protected Carrier carrier() {
        return new InMemoryCarrier();
    }
}
