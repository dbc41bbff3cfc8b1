package org.tongpao.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** An HTTP Basic {@code Authorization} header, parsed strictly (RFC 7617, UTF-8). */
record BasicCredentials(String user, char[] password) {
    private static final String SCHEME = "basic ";

    static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(SCHEME.length()).trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon <= 0) {
            // no colon, or an empty user name
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1).toCharArray()));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
