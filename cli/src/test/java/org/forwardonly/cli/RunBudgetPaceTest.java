package org.forwardonly.cli;

import org.forwardonly.theory.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ODE's pace check (RunBudget.checkOdePace) at the default budget of one hour, on the cases that decide it: an
 * adaptive run judged early in its fast transient must not be refused for a pace it will not keep, and a run that
 * really is too long must be.
 */
class RunBudgetPaceTest {
    private final RunBudget budget = new RunBudget(); // --max-hours 1

    @Test
    void anAdaptiveRunEarlyInItsTransientIsNotRefused() {
        // examples/pepita-k10.json on a loaded machine: t = 0.01 of 100 after 10 s (log-spaced samples, first at 0.01).
        // Linearly that is 28 hours; steps grow with t, and the run ends in about a minute.
        assertDoesNotThrow(() -> budget.checkOdePace(10, 0, 0.01, 100, 0.01));
        // the same numbers read as a fixed-step run, whose steps are all alike, are refused: the check can say no
        ConfigException e = assertThrows(ConfigException.class, () -> budget.checkOdePace(10, 0, 0.01, 100, Double.NaN));
        assertTrue(e.getMessage().contains("more than --max-hours 1 allows"), e.getMessage());
    }

    @Test
    void anAdaptiveRunThatWouldPassTheBudgetIsRefused() {
        // issue 27's case, exact pepita to tMax = 1e9: at t = 1 after 20 minutes the logarithmic clock says 0.18 of
        // the way, so about 1.8 hours
        assertThrows(ConfigException.class, () -> budget.checkOdePace(1200, 0, 1, 1e9, 0.01));
        // and a run at a tenth of the way after 10 minutes of a one-hour budget, linear or logarithmic
        assertThrows(ConfigException.class, () -> budget.checkOdePace(600, 0, 0.1, 100, 0.01 * 100));
        assertThrows(ConfigException.class, () -> budget.checkOdePace(600, 0, 10, 100, Double.NaN));
    }

    @Test
    void nothingIsJudgedWithinTheGrace() {
        assertDoesNotThrow(() -> budget.checkOdePace(RunBudget.ODE_GRACE_SECONDS / 2, 0, 1e-9, 1e9, Double.NaN));
    }
}
