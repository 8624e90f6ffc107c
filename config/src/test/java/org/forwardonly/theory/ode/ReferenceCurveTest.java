package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The k2m2 bp curve of an independent implementation (reference/bp_k2m2_eps.csv,
 * Euler dt = 0.01) is reproduced by the closed-form engine with the same integrator.
 */
class ReferenceCurveTest {
    /** The repository's reference/ folder; tests run in the module directory. */
    static final Path REFERENCE = Path.of("..", "reference");

    @Test
    void bpK2M2EulerMatchesIndependentImplementation() throws Exception {
        assertTrue(Files.isDirectory(REFERENCE), "reference data not found at " + REFERENCE.toAbsolutePath());
        ExperimentConfig config = ConfigParser.read(REFERENCE.resolve("bp_k2m2.json"));
        assertEquals("euler", config.integrator());
        assertEquals(0.01, config.dt());
        Trajectory reference = TrajectoryCsv.read(REFERENCE.resolve("bp_k2m2_eps.csv"));
        double[] expected = reference.column("eps_g");

        // the reference samples to t = 101.47 (beyond the config's tMax): integrate to its last time
        OdeResult result = Experiments.integrate(config, OrderParameters.fromInit(config.init()),
                reference.times(), IntegrationObserver.NONE);
        assertFalse(result.diverged());
        double[] actual = result.trajectory().column("eps_g");
        assertEquals(expected.length, actual.length);
        // Tolerance 1e-6: the reference is printed with 6 significant digits (rounding error
        // <= 5e-7 at eps_g < 1); both are Euler with the same dt, so no truncation error enters.
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            worst = Math.max(worst, diff);
            assertTrue(diff <= 1e-6, "t = " + reference.times()[i] + ": eps_g " + actual[i] + " vs reference " + expected[i]);
        }
        System.out.println("k2m2 reference: " + expected.length + " times, max |delta eps_g| = " + worst);
    }
}
