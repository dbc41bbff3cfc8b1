package org.tongpao.transport;

import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.ServicePromise;

/**
 * A carrier as Tongpao sees it. {@code available} is false when its bundle is gone or its profile could
 * not be read ({@code problem} says why; {@code profile} is then null). {@code promise} is what the SLA
 * clock applies to new bookings: the ministry's contract when there is one ({@code promiseSource}
 * CONTRACT), else the carrier's declared promise (CARRIER).
 */
public record CarrierInfo(String id, boolean available, String problem, CarrierProfile profile,
        ServicePromise promise, String promiseSource, CarrierPerformance performance) {
}
