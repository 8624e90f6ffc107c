package org.forwardonly.cli.serve;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The explorer's line with several simulated seeds is the mean of each seed's own ODE rows, pepita ode's columns included. */
class SeedMeanOdeRunTest {

    static List<double[]> rows(StreamedRun run) {
        List<double[]> rows = new ArrayList<>();
        assertNull(run.run(new StreamedRun.Sink() {
            @Override
            public void sample(double t, double[] row) {
                rows.add(row.clone());
            }

            @Override
            public void progress(double t) { }
        }));
        return rows;
    }

    @Test
    void theLineIsTheMeanOfEachSeedsOdeWithTheDerivedColumns() {
        String base = "\"rule\":\"afa\",\"K\":2,\"M\":2,\"sigmaF\":1,\"N\":500,\"tMax\":5,\"nTimes\":6";
        StreamedRun mean = SeedMeanOdeRun.prepare("{" + base + ",\"seed\":3,\"seeds\":2}");
        StreamedRun one = OdeRun.prepare("{" + base + ",\"seed\":3}");
        StreamedRun two = OdeRun.prepare("{" + base + ",\"seed\":4}");
        assertEquals(one.columns(), mean.columns(), "the same columns as one seed's line (cos_v_feedback, c_norm too)");
        List<double[]> m = rows(mean), a = rows(one), b = rows(two);
        assertEquals(a.size(), m.size());
        for (int i = 0; i < m.size(); i++) {
            assertEquals(mean.columns().size(), m.get(i).length);
            // the mean of two doubles: one rounding (relative 1e-16); 1e-12 leaves room for the order of the sum
            for (int j = 0; j < m.get(i).length; j++) {
                double want = (a.get(i)[j] + b.get(i)[j]) / 2;
                assertEquals(want, m.get(i)[j], 1e-12 * Math.max(1, Math.abs(want)), mean.columns().get(j) + " at sample " + i);
            }
        }
    }
}
