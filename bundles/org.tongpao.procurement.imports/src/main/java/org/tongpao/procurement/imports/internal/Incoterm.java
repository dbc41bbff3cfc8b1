package org.tongpao.procurement.imports.internal;

/** Incoterms 2020: who carries the goods, the risk and the costs to where. */
public enum Incoterm { EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF }
