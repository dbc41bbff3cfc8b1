package org.tongpao.transport.internal;

/** What one scan of the SLA watch did. */
public record ScanResult(int shipments, int pulled, int pullFailures, int newAlerts) {
}
