package org.tongpao.inventory;

/** Why stock was adjusted: a count difference, damage or loss (−), stock found (+). */
public enum AdjustmentReason {
    COUNT, DAMAGE, LOSS, FOUND
}
