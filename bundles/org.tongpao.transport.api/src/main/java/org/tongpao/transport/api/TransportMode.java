package org.tongpao.transport.api;

/** How goods travel. */
public enum TransportMode {
    ROAD, RAIL, AIR, WATER
}
