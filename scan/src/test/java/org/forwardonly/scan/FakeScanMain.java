package org.forwardonly.scan;

import org.forwardonly.scan.exec.LocalExecutor;
import org.forwardonly.scan.spec.ScanSpecParser;

import java.nio.file.Path;

/** A child JVM for the kill-and-resume test: runs a scan with {@link FakeRunner}, prints how many points it computed. */
public final class FakeScanMain {
    private FakeScanMain() {}

    /** Args: spec dir threads sleepMillis [stallAfter: points after this many never finish, see FakeRunner]. */
    public static void main(String[] args) {
        ScanJob.Outcome o = ScanJob.run(ScanSpecParser.read(Path.of(args[0])), Path.of(args[1]),
                new FakeRunner(Long.parseLong(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE),
                        new LocalExecutor(Integer.parseInt(args[2])), "test");
        System.out.println("computed=" + o.computed() + " resumed=" + o.resumed());
    }
}
