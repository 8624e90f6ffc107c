package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code averaging.extrapolate} (docs/model.md §8): each Sobol replicate is integrated on its n points and on the first
 * n/2 of them (the same scrambling) and reported as 2·(n) − (n/2), which cancels the O(1/n) bias of a trajectory. The
 * replicates' mean is linear, so the extrapolated run must equal 2·(run on n points) − (run on n/2 points), row by row.
 */
class ReplicatedExtrapolationTest {

    private static Trajectory run(int samples, boolean extrapolate) {
        String json = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 1, \"sigmaF\": 0.5, \"N\": 500, \"tMax\": 2, \"nTimes\": 4,"
                + " \"averaging\": {\"method\": \"sobol\", \"samples\": " + samples + ", \"replicates\": 2, \"maxReplicates\": 2,"
                + " \"tolerance\": 1, \"extrapolate\": " + extrapolate + "}}";
        ExperimentConfig c = ConfigParser.parse(json);
        OrderParameters init = Experiments.initialConditions(c, c.seed());
        return Experiments.integrate(c, init, SampleTimes.of(c), IntegrationObserver.NONE, 1).trajectory();
    }

    @Test
    void extrapolatedReplicatesAreTwiceTheFullRunMinusTheHalfRun() {
        Trajectory ext = run(256, true), full = run(256, false), half = run(128, false);
        assertEquals(full.size(), ext.size());
        boolean differs = false;
        for (int i = 0; i < ext.size(); i++) {
            for (int j = 0; j < ext.columns().size(); j++) {
                double expected = 2 * full.rows()[i][j] - half.rows()[i][j];
                // the same arithmetic in another order (mean of differences vs difference of means): rounding only
                assertEquals(expected, ext.rows()[i][j], 1e-12 * Math.max(1, Math.abs(expected)), ext.columns().get(j) + " at row " + i);
                differs |= Math.abs(full.rows()[i][j] - half.rows()[i][j]) > 1e-9;
            }
        }
        assertEquals(true, differs, "the half-point run must differ from the full one, or the test checks nothing");
    }
}
