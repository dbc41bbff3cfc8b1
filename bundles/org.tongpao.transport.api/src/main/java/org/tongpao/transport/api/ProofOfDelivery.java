package org.tongpao.transport.api;

import java.time.Instant;
import org.tongpao.transport.api.internal.Check;

/** Who took the goods, when, and the carrier's reference for the signature or photo. */
public record ProofOfDelivery(String receivedBy, Instant receivedAt, String reference) {

    public ProofOfDelivery {
        receivedBy = Check.line(receivedBy, "receivedBy", 100);
        Check.required(receivedAt, "receivedAt");
        reference = Check.optionalLine(reference, "reference", 200);
    }
}
