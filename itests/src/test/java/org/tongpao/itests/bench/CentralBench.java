package org.tongpao.itests.bench;

import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.tongpao.inventory.StockLedger;
import org.tongpao.itests.CentralNode;
import org.tongpao.itests.TongpaoContainer;

/** A benchmark on the central install: its knobs travel into the container's JVM, its figures into a report. */
public abstract class CentralBench extends CentralNode {

    @Inject
    protected StockLedger ledger;

    protected final BenchReport report = new BenchReport();

    /** The system properties that set this benchmark's figures (passed on when set). */
    protected abstract String[] knobs();

    @Configuration
    @Override
    public Option[] config() {
        return BenchOptions.central(TongpaoContainer.freePort(), knobs());
    }
}
