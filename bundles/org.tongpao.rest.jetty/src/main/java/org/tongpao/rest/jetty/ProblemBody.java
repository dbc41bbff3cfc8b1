package org.tongpao.rest.jetty;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The problem+json body of an error Jetty answers itself, in the shape of the REST bundle's problems
 * ({@code type, title, status, detail, instance, requestId}, and {@code errors} on a 400). Written by hand:
 * a fragment of pax-web-jetty can only use what that bundle imports, and every value but the path and the
 * request id is one of the fixed texts below.
 */
final class ProblemBody {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String REQUEST_ID = "X-Request-Id";
    /** Same rule as the REST bundle's RequestIdFilter, so both layers accept the same ids. */
    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ProblemBody() {
    }

    /** The client's request id when well formed, else a fresh one. */
    static String requestId(String header) {
        return header != null && WELL_FORMED_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    static byte[] bytes(int status, String instance, String requestId) {
        return json(status, instance, requestId).getBytes(StandardCharsets.UTF_8);
    }

    static String json(int status, String instance, String requestId) {
        StringBuilder sb = new StringBuilder(256).append('{');
        member(sb, "type", "urn:tongpao:problem:" + kind(status)).append(',');
        member(sb, "title", title(status)).append(',');
        sb.append("\"status\":").append(status).append(',');
        member(sb, "detail", detail(status));
        if (instance != null) {
            member(sb.append(','), "instance", instance);
        }
        member(sb.append(','), "requestId", requestId);
        if (status == 400) {
            sb.append(",\"errors\":[]");
        }
        return sb.append('}').toString();
    }

    static String kind(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 500 -> "internal";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        };
    }

    private static String title(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null ? "HTTP " + status : reason;
    }

    /** Fixed texts: Jetty's own reasons can quote the client's bytes back. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is not well-formed HTTP";
            case 404 -> "no resource at this path";
            case 405 -> "method not allowed on this resource";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request body is too large";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            case 500 -> "the server could not complete the request";
            case 503 -> "the service is temporarily unavailable";
            default -> title(status);
        };
    }

    private static StringBuilder member(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
