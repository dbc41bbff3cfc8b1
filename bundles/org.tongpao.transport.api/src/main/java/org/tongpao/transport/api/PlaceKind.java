package org.tongpao.transport.api;

/**
 * What a {@link Place} is: a depot (a warehouse with staff who receive) or an org unit without a depot — a
 * front-line station, whose officers take the goods at their own door.
 *
 * @since 1.2
 */
public enum PlaceKind {
    DEPOT,
    ORG_UNIT
}
