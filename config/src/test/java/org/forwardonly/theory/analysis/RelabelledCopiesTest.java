package org.forwardonly.theory.analysis;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.state.OrderParameters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Points equal up to a relabelling of the student units are one point listed once, with the number of
 * its distinct copies (docs/analysis.md): bp, erf, K = M = 2 and 3, T = I, v = v* = 1 fixed.
 */
class RelabelledCopiesTest {

    @Test
    void aRelabelledSpecialisedPointIsListedOnceWithItsCopies() {
        ExperimentConfig c = StationaryPointsTest.committee(2, 0.5, 2000);
        OrderParameters init = Experiments.initialConditions(c, c.seed());
        try (StationaryPoints sp = new StationaryPoints(c, init)) {
            double[] spec = sp.solve(sp.specialised());
            assertNotNull(spec);
            double[] swapped = sp.relabelled(spec, new int[] {1, 0});
            // the swapped point is itself stationary and a different state (what was listed twice before)
            double[] again = sp.solve(swapped);
            assertNotNull(again);
            assertFalse(StationaryPoints.close(spec, again), "the relabelled copy is a distinct state");
            List<FixedPoint> found = sp.solveAll(List.of(new StationaryPoints.Start("specialised", spec),
                    new StationaryPoints.Start("trajectory t=1", swapped)));
            assertEquals(1, found.size(), "listed once");
            assertEquals(2, found.get(0).copies(), "K = 2: the specialised point and its swap");
            assertEquals("specialised", found.get(0).origin());
            // analyse itself: the symmetric plateau is its own relabelling (1 copy), a different point from the specialised one
            List<FixedPoint> all = sp.analyse();
            FixedPoint plateau = all.stream().filter(p -> p.origin().equals("symmetric")).findFirst().orElseThrow();
            assertEquals(1, plateau.copies());
            assertTrue(sp.indexOfCopy(found, plateau.state()) < 0, "the plateau is not a copy of the specialised point");
            for (int i = 0; i < all.size(); i++) {
                for (int j = 0; j < i; j++) {
                    assertTrue(sp.indexOfCopy(List.of(all.get(j)), all.get(i).state()) < 0, "points " + j + " and " + i);
                }
            }
        }
    }

    @Test
    void theSpecialisedPointOfThreeUnitsHasSixCopies() {
        ExperimentConfig c = StationaryPointsTest.committee(3, 0.5, 200);
        OrderParameters init = Experiments.initialConditions(c, c.seed());
        try (StationaryPoints sp = new StationaryPoints(c, init)) {
            double[] spec = sp.solve(sp.specialised());
            assertNotNull(spec);
            assertEquals(6, sp.classify(spec, "specialised").copies()); // 3!: no relabelling fixes it (T = I)
            assertEquals(1, sp.copies(sp.symmetrised(spec)));          // all units alike: every relabelling fixes it
        }
    }

    @Test
    void relabellingsThatChangeFrozenOrFixedFeedbackAreNotSymmetries() {
        // fa's fixed feedback b_k is a per-unit constant: a swap that exchanges unequal b's is not a symmetry
        assertEquals(0, StationaryPoints.relabellings(2, new double[] {0.3, -1.2}).size());
        assertEquals(1, StationaryPoints.relabellings(2, new double[] {0.3, 0.3}).size());
        assertEquals(5, StationaryPoints.relabellings(3, null).size());
    }
}
