package org.example.jinghua.simulator;

/** The factory says no: the HTTP status and error code its API answers with, and a message for people. */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final String code;

    public Refusal(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }
}
