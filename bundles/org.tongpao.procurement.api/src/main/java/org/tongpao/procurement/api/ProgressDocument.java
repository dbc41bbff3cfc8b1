package org.tongpao.procurement.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import org.tongpao.procurement.api.internal.Check;

/** A paper that goes with a progress event: its kind, its number, when it was issued (optional), an http(s) link (optional). */
public record ProgressDocument(DocumentKind kind, String number, LocalDate issued, String link) {
    public ProgressDocument {
        Check.required(kind, "kind");
        number = Check.reference(number, "number", 64, true);
        link = Check.text(link, "link", 500, false, false);
        if (link != null) {
            try {
                URI uri = new URI(link);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("link must be an http or https address");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("link must be an http or https address", e);
            }
        }
    }
}
