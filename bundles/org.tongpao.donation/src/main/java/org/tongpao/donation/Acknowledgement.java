package org.tongpao.donation;

/**
 * An acknowledgement as a document: its number, a file name and the PDF. {@code donorCode} is the donor code printed
 * on it, on the one print that carries it (the first print by the donation's desk after the pledge or a reissue);
 * null on every other print. Callers hand it to the donor and keep no copy. @since 1.1
 */
public record Acknowledgement(String number, String fileName, byte[] pdf, String donorCode) {

    /** The 1.0 form: no donor code. */
    public Acknowledgement(String number, String fileName, byte[] pdf) {
        this(number, fileName, pdf, null);
    }
}
