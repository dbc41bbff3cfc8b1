package org.tongpao.donation;

/** Who gives: a company, an association (chamber, charity), a private person, or a donor abroad. */
public enum DonorKind {
    ENTERPRISE, ASSOCIATION, INDIVIDUAL, OVERSEAS
}
