package org.forwardonly.scan;

import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.run.EngineRunners;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineRunnersTest {

    static List<PointSummary> runPoint(String spec, int point) throws Exception {
        ScanSpec s = ScanSpecParserTest.parse(spec);
        return EngineRunners.forSpec(s).run(ConfigParser.parse(s.points().get(point).config()));
    }

    @Test
    void theOdeRowIsTheOdeCommandsFinalValueAndBpIsAlignedWithItself() throws Exception {
        String spec = "{'base': {'rule': 'bp', 'K': 2, 'M': 2, 'tMax': 30}, 'grid': {'eta': [1]}}";
        List<PointSummary> rows = runPoint(spec, 0);
        assertEquals(1, rows.size());
        PointSummary r = rows.get(0);
        ExperimentConfig c = ConfigParser.parse(ScanSpecParserTest.parse(spec).points().get(0).config());
        OdeResult direct = Experiments.integrate(c, Experiments.initialConditions(c, c.seed()), IntegrationObserver.NONE);
        double[] eps = direct.trajectory().column("eps_g");
        assertEquals(eps[eps.length - 1], r.epsGFinal(), 0.0, "same engine, same config: the same number");
        assertEquals(1.0, r.alignmentFinal(), 1e-12, "bp's feedback is v itself");
        assertEquals(30.0, r.tEnd());
        assertFalse(r.diverged());
    }

    @Test
    void bothGivesAnOdeRowThenASimulationRowThatAgreeAtLargeN() throws Exception {
        // afa from an aligned start is where docs/model.md §4 checked ODE vs simulation (within 0.005 at N = 2000, 4 seeds);
        // here a random start, N = 2000, 2 seeds, t ≤ 5: finite-N fluctuations of ε_g are O(1/√N) ≈ 0.02 relative
        String spec = "{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 5, 'N': 2000, 'seeds': 2, 'sigmaF': 1, 'nTimes': 20},"
                + " 'grid': {'eta': [1]}, 'run': 'both'}";
        List<PointSummary> rows = runPoint(spec, 0);
        assertEquals(List.of("ode", "sim"), rows.stream().map(PointSummary::engine).toList());
        double ode = rows.get(0).epsGFinal(), sim = rows.get(1).epsGFinal();
        assertTrue(Math.abs(ode - sim) < 0.05 * ode, "ode " + ode + " sim " + sim);
        // the alignment cos(v, −s c) is not compared: from a random start c = O(σ_F/√N) is dominated by finite-N noise
        assertTrue(Double.isFinite(rows.get(1).alignmentFinal()), "the simulation's cos_v_feedback is read");
    }
}
