package org.tongpao.donation;

/** An acknowledgement as a document: its number, a file name and the PDF. */
public record Acknowledgement(String number, String fileName, byte[] pdf) {
}
