package org.tongpao.donation;

/** Triage at the receiving point, as at entry points in the field: how soon the goods are needed. */
public enum Priority {
    URGENT, NON_URGENT, NOT_NEEDED
}
