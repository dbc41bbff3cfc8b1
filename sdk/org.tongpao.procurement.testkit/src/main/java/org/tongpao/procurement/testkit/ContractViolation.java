package org.tongpao.procurement.testkit;

/**
 * A channel broke the SPI contract in a way Tongpao would count as that channel's failure. It is an
 * {@link AssertionError}, so JUnit reports it as a failed test with the message below.
 */
public class ContractViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    public ContractViolation(String message) {
        super(message);
    }

    public ContractViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
