package org.tongpao.federation.donation.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import org.tongpao.donation.DonationSnapshot;

/**
 * The {@code donation.changed} contract ({@code docs/federation.md}): the body is the donation's
 * {@link DonationSnapshot} as JSON (times and dates as ISO-8601 text). Read leniently: fields this version does
 * not know (a newer minor's) are ignored, so a 1.1 sender reaches a 1.0 receiver.
 */
final class DonationContract {
    static final String TYPE = "donation.changed";
    static final String VERSION = "1.0";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private DonationContract() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(DonationSnapshot s) {
        Map<String, Object> body = JSON.convertValue(s, Map.class);
        body.values().removeIf(v -> v == null);
        return body;
    }

    static DonationSnapshot snapshot(Map<String, Object> body) {
        try {
            return JSON.convertValue(body, DonationSnapshot.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("donation.changed body is not a donation: " + e.getMessage(), e);
        }
    }
}
