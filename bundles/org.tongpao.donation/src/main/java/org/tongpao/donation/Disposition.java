package org.tongpao.donation;

/** What became of rejected goods. */
public enum Disposition {
    RETURNED_TO_DONOR, DESTROYED, PASSED_TO_HOSPITAL, OTHER
}
