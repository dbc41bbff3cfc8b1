package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.testkit.FakeProcurement;
import org.tongpao.procurement.testkit.Samples;

/** Your own cases, called the way Tongpao calls the channel (worker thread, 5 s limit). */
class SampleChannelTest {

    @Test
    void anOrderIsConfirmedAndItsProgressCanBePulled() throws Exception {
        try (FakeProcurement tongpao = new FakeProcurement("${channelId}", new SampleChannel())) {
            String ref = tongpao.place(Samples.order("PO-1")).channelOrderRef();
            assertEquals(ProgressStatus.CONFIRMED, tongpao.progress(null).events().get(0).status());
            assertEquals(ref, tongpao.progress(null).events().get(0).channelOrderRef());
            assertEquals("confirmed; approved by li.na, wang.wei", tongpao.progress(null).events().get(0).note());
        }
    }

    @Test
    void cancellingAnUnknownOrderIsRefusedNotRetried() {
        try (FakeProcurement tongpao = new FakeProcurement("${channelId}", new SampleChannel())) {
            ChannelException e = assertThrows(ChannelException.class, () -> tongpao.cancel("NOPE", "test"));
            assertFalse(e.isRetryable());
        }
    }
}
