package ${package}.internal;

import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.testkit.AbstractChannelContractTest;

/**
 * Tongpao's channel contract (offer, quote, idempotent orders, progress cursor, cancel), run through the
 * testkit's fake Tongpao runtime with the platform's 5 s per-call limit. Keep it passing.
 */
class SampleChannelContractTest extends AbstractChannelContractTest {

    @Override
    protected Channel channel() {
        return new SampleChannel();
    }

    @Override
    protected String channelId() {
        return "${channelId}";
    }
}
