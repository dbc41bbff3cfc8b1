package org.example.express.simulator;

/** Express says no to an API call: the HTTP status and error code it answers with, and a message for people. */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final String code;

    Refusal(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    int httpStatus() {
        return httpStatus;
    }

    String code() {
        return code;
    }
}
