package org.tongpao.inventory;

/** Filters of a balance view, each may be null; {@code byItem} rolls lots up per depot × item. */
public record BalanceFilter(String provinceCode, Long depotId, String depotCode, String categoryCode, Long itemId,
        String itemCode, LotStatus status, boolean byItem) {
}
