package org.tongpao.transport.internal;

/**
 * What one scan of the SLA watch did: {@code shipments} it looked at (those of PULL carriers it pulled, and those
 * whose next SLA moment had come), events pulled, failed pulls, new alerts.
 */
public record ScanResult(int shipments, int pulled, int pullFailures, int newAlerts) {
}
