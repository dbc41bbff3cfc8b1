package org.tongpao.transport;

/**
 * How a carrier keeps its promises: shipments delivered, delivered on time, the on-time rate (null
 * before the first delivery), and open shipments currently breaching a promise.
 */
public record CarrierPerformance(long delivered, long deliveredOnTime, Double onTimeRate, long openBreaches) {
}
