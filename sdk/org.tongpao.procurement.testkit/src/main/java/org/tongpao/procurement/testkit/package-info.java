/**
 * Test a procurement {@link org.tongpao.procurement.api.Channel} in plain JUnit 5, with no Karaf: {@link
 * org.tongpao.procurement.testkit.FakeProcurement} calls the channel the way the platform does (worker thread,
 * per-call time limit) and takes pushed progress as the {@link org.tongpao.procurement.api.ProgressSink};
 * {@link org.tongpao.procurement.testkit.ChannelContract} and {@link
 * org.tongpao.procurement.testkit.AbstractChannelContractTest} check what every channel must do.
 */
package org.tongpao.procurement.testkit;
