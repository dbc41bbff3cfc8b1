package org.tongpao.allocation;

/** How soon a unit needs the goods: now, within 72 hours, or in the ordinary course. */
public enum Urgency {
    IMMEDIATE, H72, ROUTINE
}
