package org.example.jinghua.simulator;

/**
 * One webhook attempt: the notice it carried, Tongpao's HTTP status (-1: no answer) and body, which attempt
 * it was (1, 2, …) and whether it was the last for that notice (a success, a refusal not retried, or the
 * last try).
 */
public record PushAttempt(String orderNo, String kind, long seq, int httpStatus, String responseBody, int attempt,
        boolean last) {

    public boolean succeeded() {
        return httpStatus >= 200 && httpStatus < 300;
    }
}
