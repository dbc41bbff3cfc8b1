package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.donation.internal.DonationFixture.DESK;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.donation.Disposition;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.donation.Priority;

/**
 * Acknowledgement numbers under concurrent receipts on Derby: threads receive at once, some deliveries accept
 * goods (a number each), some reject everything (no number), some are refused inside the transaction after the
 * number was drawn (the number goes back): the numbers in the end run 1..n without a gap or a duplicate.
 */
class AcknowledgementNumbersTest {
    private static final int THREADS = 6;
    private static final int PER_THREAD = 6;

    private final DonationFixture f = new DonationFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void concurrentReceiptsGetGapFreeDistinctNumbers() throws Exception {
        long donor = f.enterprise(DESK, "Jiuzhou Pharmaceutical Group");
        long depot = f.depot("HB-WH-01");
        long masks = f.item("MASK-KN95");
        long unknownItem = 9_999_999L;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<List<String>> work = () -> {
                start.await();
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    int kind = (thread + i) % 3;
                    NewReceiptLine accepted = new NewReceiptLine(null, masks, Priority.URGENT, null, true, true, "C",
                            f.today().plusYears(2), true, 10L, 0L, null, null, null);
                    NewReceiptLine rejected = new NewReceiptLine(null, masks, Priority.NOT_NEEDED, null, true, false,
                            null, null, true, 0L, 10L, "no certificate", Disposition.DESTROYED, null);
                    // the second line's item is looked up after the first was resolved: refused mid-transaction
                    NewReceiptLine broken = new NewReceiptLine(null, unknownItem, Priority.URGENT, null, true, true,
                            "C", f.today().plusYears(2), true, 1L, 0L, null, null, null);
                    List<NewReceiptLine> lines = switch (kind) {
                        case 0 -> List.of(accepted);
                        case 1 -> List.of(rejected);
                        default -> List.of(accepted, broken);
                    };
                    try {
                        DonationReceipt r = f.donations.receiveUnpledged(DESK, new NewDonationReceipt(depot, null,
                                null, null, donor, null, lines), null);
                        if (r.acknowledgementNumber() != null) {
                            numbers.add(r.acknowledgementNumber());
                        }
                    } catch (org.tongpao.core.NotFoundException e) {
                        assertThat(kind).isEqualTo(2);
                    }
                }
                return numbers;
            };
            futures.add(pool.submit(work));
        }
        start.countDown();
        List<String> all = new ArrayList<>();
        for (Future<List<String>> fu : futures) {
            all.addAll(fu.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        long accepting = IntStream.range(0, THREADS).flatMap(t -> IntStream.range(0, PER_THREAD)
                .filter(i -> (t + i) % 3 == 0)).count();
        assertThat(all).hasSize((int) accepting).doesNotHaveDuplicates();
        assertThat(all.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, (int) accepting)
                .mapToObj(Counters::acknowledgementNumber).toList());
    }

    @Test
    void aReceiptWithNothingAcceptedHasNoAcknowledgement() {
        long donor = f.enterprise(DESK, "Jiuzhou Pharmaceutical Group");
        DonationReceipt r = f.donations.receiveUnpledged(DESK, new NewDonationReceipt(f.depot("HB-WH-01"), null,
                null, null, donor, null, List.of(new NewReceiptLine(null, f.item("MASK-KN95"), Priority.NOT_NEEDED,
                        null, false, false, null, null, true, 0L, 5L, "not needed, no certificate",
                        Disposition.PASSED_TO_HOSPITAL, null))), null);
        assertThat(r.acknowledgementNumber()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.donations.acknowledgement(DESK, r.id(), null))
                .isInstanceOf(ConflictException.class);
    }
}
