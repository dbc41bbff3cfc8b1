package org.tongpao.procurement.api;

/** The papers that travel with an order. */
public enum DocumentKind {
    CERTIFICATE_OF_CONFORMITY,
    TEST_REPORT,
    INVOICE,
    PACKING_LIST,
    WAYBILL,
    BILL_OF_LADING,
    CERTIFICATE_OF_ORIGIN,
    CUSTOMS_DECLARATION,
    CUSTOMS_RELEASE,
    IMPORT_CERTIFICATION,
    OTHER
}
