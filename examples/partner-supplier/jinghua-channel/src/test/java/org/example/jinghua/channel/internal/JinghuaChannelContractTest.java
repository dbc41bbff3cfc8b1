package org.example.jinghua.channel.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import org.example.jinghua.simulator.FactorySimulator;
import org.junit.jupiter.api.AfterEach;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.testkit.AbstractChannelContractTest;

/** Tongpao's channel contract, over real HTTP to the simulated factory. */
class JinghuaChannelContractTest extends AbstractChannelContractTest {
    private FactorySimulator factory;

    @Override
    protected Channel channel() {
        try {
            factory = new FactorySimulator().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JinghuaChannel(new FactoryClient(URI.create(factory.baseUrl()), factory.partnerKey(),
                Duration.ofMillis(3000)));
    }

    @Override
    protected String channelId() {
        return "jinghua";
    }

    @AfterEach
    void stopFactory() {
        factory.stop();
    }
}
