package org.example.jinghua.channel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.ProgressDocument;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressStatus;

/**
 * Jinghua's notices as Tongpao progress events. The event id is {@code JH-<notice number>}, the same id the
 * factory's webhooks send, so an event Tongpao gets both pulled and pushed counts once.
 */
final class Notices {
    /** Jinghua's notice kinds and what they mean to Tongpao; CANCELLED is Tongpao's own request and left out. */
    static final Map<String, ProgressStatus> STATUS = Map.of("CONFIRMED", ProgressStatus.CONFIRMED,
            "PRODUCTION", ProgressStatus.IN_PRODUCTION, "SHIPPED", ProgressStatus.SHIPPED,
            "DELIVERED", ProgressStatus.DELIVERED, "DELAYED", ProgressStatus.EXCEPTION);

    private Notices() {
    }

    /** The event for a notice, or empty for a kind Tongpao does not track. */
    static Optional<ProgressEvent> event(JsonNode n) {
        String kind = n.path("kind").asText();
        ProgressStatus status = STATUS.get(kind);
        if (status == null) {
            return Optional.empty();
        }
        Instant at = Instant.parse(n.path("time").asText());
        boolean counted = status == ProgressStatus.SHIPPED || status == ProgressStatus.DELIVERED;
        List<ProgressDocument> documents = new ArrayList<>();
        LocalDate issued = at.atZone(ZoneOffset.UTC).toLocalDate();
        text(n, "waybill").ifPresent(w -> documents.add(new ProgressDocument(DocumentKind.WAYBILL, w, issued, null)));
        text(n, "certificate").ifPresent(c -> documents.add(
                new ProgressDocument(DocumentKind.CERTIFICATE_OF_CONFORMITY, c, issued, null)));
        String note = status == ProgressStatus.IN_PRODUCTION
                ? n.path("quantity").asLong() + " pieces of " + n.path("sku").asText() + " made"
                : text(n, "remark").orElse(null);
        return Optional.of(new ProgressEvent("JH-" + n.path("seq").asLong(), n.path("orderNo").asText(), status, at,
                text(n, "buyerLine").orElse(null), counted && n.hasNonNull("quantity") ? n.get("quantity").asLong() : null,
                text(n, "expectedDate").map(LocalDate::parse).orElse(null), documents, note));
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
