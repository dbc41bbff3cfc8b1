/**
 * Test a {@link org.tongpao.transport.api.Carrier} in plain JUnit 5, with no Karaf: {@link
 * org.tongpao.transport.testkit.FakeTongpao} calls the carrier the way the platform does (worker thread,
 * per-call time limit) and takes pushed events as the {@link org.tongpao.transport.api.TrackingSink};
 * {@link org.tongpao.transport.testkit.CarrierContract} and {@link
 * org.tongpao.transport.testkit.AbstractCarrierContractTest} check what every carrier must do.
 */
package org.tongpao.transport.testkit;
