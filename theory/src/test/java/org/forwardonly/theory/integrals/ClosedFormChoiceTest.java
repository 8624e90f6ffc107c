package org.forwardonly.theory.integrals;

import org.forwardonly.theory.activation.Activation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which averages have closed forms (docs/model.md §3: erf and linear for all four, ReLU for I2 only, and only when
 * student and teacher share the activation), and the bounds of the closed-form workspaces.
 */
class ClosedFormChoiceTest {

    @Test
    void closedFormsExistForErfAndLinearOnly() {
        assertTrue(ClosedFormAverages.has(Activation.ERF));
        assertTrue(ClosedFormAverages.has(Activation.LINEAR));
        assertFalse(ClosedFormAverages.has(Activation.RELU), "ReLU has no closed-form I4 (docs/model.md §3)");
        assertThrows(IllegalArgumentException.class, () -> ClosedFormAverages.of(Activation.RELU));
    }

    @Test
    void theSecondMomentHasAClosedFormOnlyForASharedActivation() {
        for (Activation g : Activation.values()) assertTrue(SecondMoment.has(g, g), g + " with itself");
        assertFalse(SecondMoment.has(Activation.ERF, Activation.RELU), "mixed activations: E[g(a) g*(b)] has no closed form here");
        assertFalse(SecondMoment.has(Activation.RELU, Activation.LINEAR));
    }

    @Test
    void workspaceSizesAreBoundedByTheFields() {
        // 0 < K ≤ nG ≤ n: every student is a g-unit, every g-unit a field; K = nG = n is allowed
        for (ClosedFormAverages kind : new ClosedFormAverages[] {ClosedFormAverages.ERF, ClosedFormAverages.LINEAR}) {
            WeightedAverages.create(kind, 2, 2, 2);
            assertThrows(IllegalArgumentException.class, () -> WeightedAverages.create(kind, 0, 2, 2));
            assertThrows(IllegalArgumentException.class, () -> WeightedAverages.create(kind, 3, 2, 3));
            assertThrows(IllegalArgumentException.class, () -> WeightedAverages.create(kind, 2, 3, 2));
        }
    }

    @Test
    void preparingForI4AloneGivesTheSameI4() {
        // the threaded I4 sums prepare only what I4 needs (StudentPairI4); for linear g that is the whole preparation
        double[] C = {1.2, 0.3, -0.2, 0.3, 0.9, 0.4, -0.2, 0.4, 1.1};
        double[] w = {0.7, -0.4, 1.3};
        for (ClosedFormAverages kind : new ClosedFormAverages[] {ClosedFormAverages.ERF, ClosedFormAverages.LINEAR}) {
            WeightedAverages all = WeightedAverages.create(kind, 2, 3, 3), i4 = WeightedAverages.create(kind, 2, 3, 3);
            all.prepare(C, w);
            i4.prepareI4(C, w);
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) assertEquals(all.weightedI4(a, b), i4.weightedI4(a, b), 0.0, kind + " I4 " + a + b);
            }
        }
        // and for linear g the sum is wᵀ C w (Isserlis, docs/model.md §3), here computed by hand
        WeightedAverages lin = WeightedAverages.create(ClosedFormAverages.LINEAR, 2, 3, 3);
        lin.prepareI4(C, w);
        double wCw = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) wCw += w[i] * C[i * 3 + j] * w[j];
        assertEquals(wCw, lin.weightedI4(0, 1), 1e-15);
    }
}
