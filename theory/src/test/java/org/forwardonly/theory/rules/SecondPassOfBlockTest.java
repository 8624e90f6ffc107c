package org.forwardonly.theory.rules;

import org.forwardonly.theory.activation.Activation;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PEPITA's second pass computed for a block of samples (what the exact engine uses) gives the same
 * increments as the pass computed sample by sample, to the block erf's 2.5e-13 (ErfBlockTest): one
 * definition of the rule, two ways of evaluating it. Rules with one pass say so and write nothing.
 */
class SecondPassOfBlockTest {

    @Test
    void pepitaBlockPassMatchesTheSamplePass() {
        int K = 3, M = 2, n = 64;
        Random r = new Random(7);
        for (boolean lastLayerTilde : new boolean[] {true, false}) {
            Pepita rule = new Pepita(lastLayerTilde);
            SampleContext u = new SampleContext(K, M, Activation.ERF, Activation.ERF);
            u.s = r.nextBoolean() ? 1 : -1;
            for (int k = 0; k < K; k++) {
                u.v[k] = r.nextGaussian();
                u.c[k] = 0.7 * r.nextGaussian();
            }
            double[][] lambda = new double[K][n], hTilde = new double[K][n], work = new double[K][n];
            double[] e = new double[n];
            for (int b = 0; b < n; b++) {
                e[b] = 1.5 * r.nextGaussian();
                for (int k = 0; k < K; k++) lambda[k][b] = 1.5 * r.nextGaussian();
            }
            assertTrue(rule.secondPassOfBlock(lambda, e, n, u, hTilde, work, Activation.blockScratch(n)));
            double[] d1 = new double[K], b1 = new double[K], h1 = new double[K], d2 = new double[K], b2 = new double[K], h2 = new double[K];
            for (int b = 0; b < n; b++) {
                for (int k = 0; k < K; k++) {
                    u.lambda[k] = lambda[k][b];
                    u.h[k] = Activation.ERF.g(lambda[k][b]);
                    u.hTilde[k] = hTilde[k][b];
                }
                u.prepared(e[b]);
                u.hTildeGiven = false;
                rule.incrementsPrepared(u, d1, b1, h1);
                u.hTildeGiven = true;
                rule.incrementsPrepared(u, d2, b2, h2);
                for (int k = 0; k < K; k++) {
                    assertEquals(d1[k], d2[k], 2.5e-13, "delta");
                    assertEquals(b1[k], b2[k], 2.5e-13 * Math.abs(e[b]) + 1e-16, "beta");
                    assertEquals(h1[k], h2[k], 2.5e-13, "h_pre");
                }
            }
        }
    }

    @Test
    void rulesWithOnePassWriteNothing() {
        SampleContext u = new SampleContext(2, 2, Activation.ERF, Activation.ERF);
        double[][] out = {{5, 5}, {5, 5}};
        LearningRule[] single = {new ForwardForward(), new AdaptiveFeedbackAlignment(true), new Backpropagation()};
        for (LearningRule rule : single) {
            assertFalse(rule.secondPassOfBlock(new double[2][2], new double[2], 2, u, out, new double[2][2],
                    Activation.blockScratch(2)), rule.getClass().getSimpleName());
        }
        assertEquals(5.0, out[1][1], 0.0);
    }
}
