package ${package}.internal;

import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.testkit.AbstractCarrierContractTest;

/**
 * Tongpao's carrier contract (profile, quote, idempotent booking, tracking, cancel before pick-up), run
 * through the testkit's fake Tongpao runtime with the platform's 5 s per-call limit. Keep it passing.
 */
class SampleCarrierContractTest extends AbstractCarrierContractTest {

    @Override
    protected Carrier carrier() {
        return new SampleCarrier();
    }

    @Override
    protected String carrierId() {
        return "${carrierId}";
    }
}
