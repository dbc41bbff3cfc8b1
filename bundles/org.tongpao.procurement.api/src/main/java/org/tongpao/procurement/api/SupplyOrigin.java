package org.tongpao.procurement.api;

/** Where a channel's goods come from: made or bought at home, or imported (currency, customs, longer lead times). */
public enum SupplyOrigin {
    DOMESTIC,
    INTERNATIONAL
}
