package org.tongpao.allocation;

import java.time.Instant;

/** Stock one province offers to another; the ministry brokers it into a batch. */
public record MutualAidOffer(long id, String fromProvinceCode, long fromDepotId, long itemId, long quantity,
        String toProvinceCode, String note, OfferStatus status, String offeredBy, Instant offeredAt,
        String decidedBy, Instant decidedAt, Long batchId) {
}
