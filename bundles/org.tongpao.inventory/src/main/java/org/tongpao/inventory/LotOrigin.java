package org.tongpao.inventory;

/** Where a lot came from; its source document id says which order, pledge or transfer. */
public enum LotOrigin {
    PURCHASE_ORDER, DONATION, TRANSFER, OPENING_BALANCE
}
