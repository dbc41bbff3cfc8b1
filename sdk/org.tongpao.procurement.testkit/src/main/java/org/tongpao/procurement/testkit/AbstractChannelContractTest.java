package org.tongpao.procurement.testkit;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.QuoteRequest;

/**
 * The channel contract as one JUnit 5 test per property. Extend it, return your channel from {@link
 * #channel()} (started against whatever it talks to), and each check runs through a fresh {@link
 * FakeProcurement} with fresh references. Override {@link #sampleRequest} and {@link #sampleOrder} if the
 * channel does not supply the default sample (medical protective masks).
 *
 * <pre>{@code
 * class JinghuaContractTest extends AbstractChannelContractTest {
 *     protected Channel channel() { return new JinghuaChannel(...); }
 * }
 * }</pre>
 */
public abstract class AbstractChannelContractTest {
    /** The fake runtime of the current test; available to subclasses' own tests too. */
    protected FakeProcurement tongpao;

    /** The channel under test; called once before each test. */
    protected abstract Channel channel();

    /** The id the channel registers under ({@code tongpao.channel.id}). */
    protected String channelId() {
        return "channel-under-test";
    }

    /** The platform's per-call limit; 5 s like the default platform. */
    protected Duration callTimeout() {
        return FakeProcurement.DEFAULT_CALL_TIMEOUT;
    }

    /** A request the channel can quote in full; by default {@link Samples#quoteRequest}. */
    protected QuoteRequest sampleRequest(String requestRef) {
        return Samples.quoteRequest(requestRef);
    }

    /** An order the channel takes; by default {@link Samples#order}. */
    protected ChannelOrder sampleOrder(String orderRef) {
        return Samples.order(orderRef);
    }

    /** A reference no earlier test used. */
    protected String freshRef() {
        return "CT-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @BeforeEach
    void startFakeProcurement() {
        tongpao = new FakeProcurement(channelId(), channel(), callTimeout());
    }

    @AfterEach
    void stopFakeProcurement() {
        tongpao.close();
    }

    @Test
    void offerCoversTheSample() {
        ChannelContract.offerCoversTheSample(tongpao, sampleRequest(freshRef()));
    }

    @Test
    void quoteAnswersEveryLine() {
        ChannelContract.quoteAnswersEveryLine(tongpao, sampleRequest(freshRef()));
    }

    @Test
    void placingTheSameOrderTwiceGivesTheSameReference() {
        ChannelContract.placingIsIdempotent(tongpao, sampleOrder(freshRef()));
    }

    @Test
    void progressFollowsTheCursorToTheEnd() {
        ChannelContract.progressFollowsTheCursor(tongpao, sampleOrder(freshRef()));
    }

    @Test
    void cancelWorksAfterPlacing() {
        ChannelContract.cancelWorksAfterPlacing(tongpao, sampleOrder(freshRef()));
    }
}
