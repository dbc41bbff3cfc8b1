package org.tongpao.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A province's census answer as its own install took it: the figures of its balances there, per category, and
 * what its officer declared. Recorded as it stands ({@link ReserveCensus#recordAnswer}); the central install
 * does not snapshot the balances itself, since they are that node's.
 *
 * @param node         the answering node, e.g. {@code province:42}
 * @param provinceCode the province answered for
 * @param version      the submission's version on the answering node (its current one is the highest)
 * @param submittedAt  when it was submitted there: lateness and order go by this, not by arrival
 * @param submittedBy  who submitted it there
 * @param system       quantity on hand per category code, from the answering node's balances
 * @param declared     the declared figures (stock outside the system)
 * @since 1.4
 */
public record CensusAnswer(String node, String provinceCode, int version, Instant submittedAt, String submittedBy,
        Map<String, Long> system, List<CensusSubmission.Declared> declared) {
}
