package org.tongpao.procurement.imports.internal;

/** Customs clearance, in this order: declared, inspected, duties paid, cleared (released). */
public enum CustomsStep { DECLARED, INSPECTED, DUTIES_PAID, CLEARED }
