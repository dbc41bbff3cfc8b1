package org.tongpao.itests.bench;

import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.tongpao.itests.TongpaoContainer;

/** The container of a benchmark: the central install, with the figures' knobs passed into its JVM. */
final class BenchOptions {
    private BenchOptions() {
    }

    static Option[] central(int httpPort, String... knobs) {
        List<Option> passed = new ArrayList<>();
        for (String p : knobs) {
            if (System.getProperty(p) != null) {
                passed.add(CoreOptions.systemProperty(p).value(System.getProperty(p)));
            }
        }
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            // -Dbench.jfr=<file>: a flight recording of the whole container run, to see where the time goes
            passed.add(CoreOptions.vmOption("-XX:StartFlightRecording=settings=profile,filename=" + jfr));
            // the default 64 frames cut CXF's deep request stacks short of the code that costs
            passed.add(CoreOptions.vmOption("-XX:FlightRecorderOptions=stackdepth=320"));
        }
        return TongpaoContainer.options("central", httpPort, passed.toArray(new Option[0]));
    }
}
