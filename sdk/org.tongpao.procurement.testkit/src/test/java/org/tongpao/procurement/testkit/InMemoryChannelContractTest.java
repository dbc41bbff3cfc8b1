package org.tongpao.procurement.testkit;

import org.tongpao.procurement.api.Channel;

/** The contract test base class passes for a well-behaved channel. */
class InMemoryChannelContractTest extends AbstractChannelContractTest {
    @Override
    protected Channel channel() {
        return new InMemoryChannel();
    }
}
