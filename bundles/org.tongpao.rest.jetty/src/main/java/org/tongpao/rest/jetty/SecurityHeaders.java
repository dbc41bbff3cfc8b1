package org.tongpao.rest.jetty;

import org.eclipse.jetty.http.HttpFields;

/** Headers every answer of the node carries, whoever writes it (the REST layer adds the content security policy). */
final class SecurityHeaders {
    static final String NOSNIFF = "X-Content-Type-Options";
    static final String FRAME_OPTIONS = "X-Frame-Options";
    static final String REFERRER_POLICY = "Referrer-Policy";

    private SecurityHeaders() {
    }

    static void apply(HttpFields fields) {
        fields.put(NOSNIFF, "nosniff");
        fields.put(FRAME_OPTIONS, "DENY");
        fields.put(REFERRER_POLICY, "no-referrer");
    }
}
