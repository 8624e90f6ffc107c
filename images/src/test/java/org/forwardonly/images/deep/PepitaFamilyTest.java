package org.forwardonly.images.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.TwoLayerNetwork;
import org.forwardonly.images.rules.Backpropagation;
import org.forwardonly.images.rules.Pepita;
import org.forwardonly.images.rules.WeightMirror;
import org.junit.jupiter.api.Test;

/**
 * PEPITA, PEPITA-Hebbian, PEPITA time-local and the FF form on a network of 3 hidden layers, against
 * independent per-sample formulas; tolerance 1e-12 (the two sides differ only in summation order, the
 * directions are O(0.01-1)).
 */
class PepitaFamilyTest {

    static final int ROWS = 4;
    static final int[] SIZES = {9, 7, 6, 5, 3};
    static final double SIGN = -1;
    final BatchMatmul mm = new BatchMatmul(1);

    static double[] feedback(long seed) {
        return Pepita.initialFeedback(SIZES[0], SIZES[SIZES.length - 1], 0.5,
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    /** One sample's two passes: a[l] (a[0] = x), ã[l] (ã[0] = x̃), e. */
    record Passes(double[][] a, double[][] am, double[] e) {
    }

    static Passes passes(DeepNetwork net, double[] x, int label, double[] f, double[][] masks, int r) {
        int d = net.depth();
        int c = net.classes();
        double[][] a = new double[d + 1][];
        a[0] = x;
        for (int l = 0; l < d; l++) {
            a[l + 1] = Reference.hidden(Reference.weights(net, l), a[l], Reference.row(masks[l], r, net.sizes[l + 1]));
        }
        double[] e = Reference.softmax(Reference.matVec(Reference.weights(net, d), a[d]));
        e[label] -= 1;
        double[] xm = x.clone();
        for (int i = 0; i < xm.length; i++) {
            for (int k = 0; k < c; k++) {
                xm[i] += SIGN * f[i * c + k] * e[k];
            }
        }
        double[][] am = new double[d + 1][];
        am[0] = xm;
        for (int l = 0; l < d; l++) {
            am[l + 1] = Reference.hidden(Reference.weights(net, l), am[l], Reference.row(masks[l], r, net.sizes[l + 1]));
        }
        return new Passes(a, am, e);
    }

    static double goodness(double[] h) {
        double s = 0;
        for (double v : h) {
            s += v * v;
        }
        return s / h.length;
    }

    static double[][] reference(PepitaFamily.Variant variant, DeepNetwork net, double[] x, int[] labels, double[] f,
                                double[][] masks, double theta) {
        double[][] g = ErrorFeedbackTest.grads(net);
        int d = net.depth();
        for (int r = 0; r < ROWS; r++) {
            Passes p = passes(net, Reference.row(x, r, net.sizes[0]), labels[r], f, masks, r);
            for (int l = 0; l < d; l++) {
                switch (variant) {
                    case PEPITA -> {
                        double[] diff = p.a()[l + 1].clone();
                        for (int j = 0; j < diff.length; j++) {
                            diff[j] -= p.am()[l + 1][j];
                        }
                        Reference.addOuter(g[l], p.am()[l], diff, 1.0 / ROWS);
                    }
                    case HEBBIAN -> {
                        Reference.addOuter(g[l], p.a()[l], p.a()[l + 1], 1.0 / ROWS);
                        Reference.addOuter(g[l], p.am()[l], p.am()[l + 1], -1.0 / ROWS);
                    }
                    case FF -> {
                        double wc = 1 / (1 + Math.exp(-(goodness(p.a()[l + 1]) - theta)));
                        double wm = 1 - 1 / (1 + Math.exp(-(goodness(p.am()[l + 1]) - theta)));
                        Reference.addOuter(g[l], p.a()[l], p.a()[l + 1], wc / ROWS);
                        Reference.addOuter(g[l], p.am()[l], p.am()[l + 1], -wm / ROWS);
                    }
                    default -> throw new IllegalArgumentException();
                }
            }
            Reference.addOuter(g[d], p.am()[d], p.e(), 1.0 / ROWS);
        }
        return g;
    }

    static DeepNetwork net() {
        return ErrorFeedbackTest.net(SIZES, false, 31);
    }

    @Test
    void pepitaHebbianAndFfMatchTheirFormulasOnThreeHiddenLayers() {
        double[] x = ErrorFeedbackTest.randomInput(ROWS, SIZES[0], 32);
        int[] labels = {0, 1, 2, 1};
        for (PepitaFamily.Variant v : List.of(PepitaFamily.Variant.PEPITA, PepitaFamily.Variant.HEBBIAN,
                PepitaFamily.Variant.FF)) {
            DeepNetwork net = net();
            double[][] masks = ErrorFeedbackTest.masks(net, ROWS, 33);
            double[] f = feedback(34);
            PepitaFamily rule = new PepitaFamily(v, net, ROWS, f.clone(), SIGN, true, 0.3, null, 0);
            double[][] g = ErrorFeedbackTest.grads(net);
            rule.directions(net, mm, x, labels, ROWS, masks, g, l -> {
                throw new AssertionError("only pepita-tl applies its own updates");
            });
            double[][] ref = reference(v, net, x, labels, f, masks, 0.3);
            for (int l = 0; l < net.layers(); l++) {
                assertArrayEquals(ref[l], g[l], 1e-12, v + " layer " + l);
            }
        }
    }

    /** The check above can fail: pepita-hebbian is not pepita (the presynaptic term of the first pass differs). */
    @Test
    void hebbianDiffersFromPepitaBelowTheOutput() {
        double[] x = ErrorFeedbackTest.randomInput(ROWS, SIZES[0], 32);
        int[] labels = {0, 1, 2, 1};
        DeepNetwork net = net();
        double[][] masks = ErrorFeedbackTest.masks(net, ROWS, 33);
        double[][] pep = reference(PepitaFamily.Variant.PEPITA, net, x, labels, feedback(34), masks, 0);
        double[][] heb = reference(PepitaFamily.Variant.HEBBIAN, net, x, labels, feedback(34), masks, 0);
        for (int l = 0; l < net.depth(); l++) {
            double diff = 0;
            for (int k = 0; k < pep[l].length; k++) {
                diff = Math.max(diff, Math.abs(pep[l][k] - heb[l][k]));
            }
            assertTrue(diff > 1e-3, "layer " + l + ": " + diff);
        }
    }

    /**
     * PEPITA time-local (plain SGD in the callback, lr 0.1): layer l's direction is (h_l − h̃_l) h̃_{l−1}ᵀ with
     * h̃_{l−1} recomputed by the already updated W_{l−1}; each layer is applied once, in order 0..d; the
     * final weights are W_l − lr g_l. Layer 0 is PEPITA's; layers above differ from PEPITA's.
     */
    @Test
    void timeLocalUpdatesLayerByLayerDuringTheSecondPass() {
        double lr = 0.1;
        double[] x = ErrorFeedbackTest.randomInput(ROWS, SIZES[0], 42);
        int[] labels = {2, 1, 0, 2};
        DeepNetwork net = net();
        DeepNetwork ref = net.copy();
        double[][] masks = ErrorFeedbackTest.masks(net, ROWS, 43);
        double[] f = feedback(44);
        double[][] pepita = reference(PepitaFamily.Variant.PEPITA, net, x, labels, f, masks, 0);
        PepitaFamily tl = new PepitaFamily(PepitaFamily.Variant.TIME_LOCAL, net, ROWS, f.clone(), SIGN, true, 0, null, 0);
        double[][] g = ErrorFeedbackTest.grads(net);
        List<Integer> order = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        tl.directions(net, mm, x, labels, ROWS, masks, g, l -> {
            order.add(l);
            seen.add(g[l].clone());
            for (int k = 0; k < g[l].length; k++) {
                net.wt[l][k] -= lr * g[l][k];
            }
        });
        assertEquals(List.of(0, 1, 2, 3), order);
        // independent: per sample, first pass with the old weights; second pass layer by layer, the update of
        // layer l summed over the batch, applied, then every sample's h̃_l recomputed with the new W_l
        int d = ref.depth();
        double[][] a = new double[ROWS][];
        double[][] am = new double[ROWS][];
        double[][][] first = new double[ROWS][][];
        double[][] e = new double[ROWS][];
        for (int r = 0; r < ROWS; r++) {
            Passes p = passes(ref, Reference.row(x, r, SIZES[0]), labels[r], f, masks, r);
            first[r] = p.a();
            e[r] = p.e();
            am[r] = p.am()[0];
        }
        for (int l = 0; l <= d; l++) {
            double[] gl = new double[ref.wt[l].length];
            double[][] next = new double[ROWS][];
            for (int r = 0; r < ROWS; r++) {
                if (l == d) {
                    Reference.addOuter(gl, am[r], e[r], 1.0 / ROWS);
                    continue;
                }
                double[] hm = Reference.hidden(Reference.weights(ref, l), am[r], Reference.row(masks[l], r, SIZES[l + 1]));
                double[] diff = first[r][l + 1].clone();
                for (int j = 0; j < diff.length; j++) {
                    diff[j] -= hm[j];
                }
                Reference.addOuter(gl, am[r], diff, 1.0 / ROWS);
            }
            assertArrayEquals(gl, seen.get(l), 1e-12, "layer " + l);
            for (int k = 0; k < gl.length; k++) {
                ref.wt[l][k] -= lr * gl[k];
            }
            if (l < d) {
                for (int r = 0; r < ROWS; r++) {
                    next[r] = Reference.hidden(Reference.weights(ref, l), am[r], Reference.row(masks[l], r, SIZES[l + 1]));
                }
                am = next;
            }
            assertArrayEquals(ref.wt[l], net.wt[l], 1e-12, "weights of layer " + l);
        }
        assertArrayEquals(pepita[0], seen.get(0), 1e-12, "layer 0 is pepita's");
        for (int l = 1; l <= d; l++) {
            double diff = 0;
            for (int k = 0; k < pepita[l].length; k++) {
                diff = Math.max(diff, Math.abs(pepita[l][k] - seen.get(l)[k]));
            }
            assertTrue(diff > 1e-6, "time-local differs from pepita in layer " + l + ": " + diff);
        }
    }

    /**
     * With one hidden layer the deep code is the 2-layer code of train-images: the same initial weights (bit for
     * bit) and the same pepita and bp directions to 1e-13 (the output layer's product sums in another order).
     */
    @Test
    void oneHiddenLayerIsTheTwoLayerNetwork() {
        UniformRandomProvider a = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        UniformRandomProvider b = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        TwoLayerNetwork two = TwoLayerNetwork.heUniform(9, 6, 3, a);
        DeepNetwork deep = DeepNetwork.heUniform(new int[] {9, 6, 3}, false, b);
        assertArrayEquals(two.w1t, deep.wt[0], 0.0);
        for (int c = 0; c < 3; c++) {
            for (int h = 0; h < 6; h++) {
                assertEquals(two.w2[c * 6 + h], deep.wt[1][h * 3 + c], 0.0);
            }
        }
        double[] x = ErrorFeedbackTest.randomInput(ROWS, 9, 8);
        int[] labels = {0, 2, 2, 1};
        double[] f = Pepita.initialFeedback(9, 3, 0.5, RandomSource.XO_RO_SHI_RO_128_PP.create(9));
        double[] g1t = new double[two.w1t.length];
        double[] g2 = new double[two.w2.length];
        double[][] g = ErrorFeedbackTest.grads(deep);
        new Pepita(two, ROWS, f.clone(), SIGN, true, null).directions(two, mm, x, labels, ROWS, g1t, g2);
        new PepitaFamily(PepitaFamily.Variant.PEPITA, deep, ROWS, f.clone(), SIGN, true, 0, null, 0)
                .directions(deep, mm, x, labels, ROWS, null, g, l -> { });
        assertArrayEquals(g1t, g[0], 1e-13);
        for (int c = 0; c < 3; c++) {
            for (int h = 0; h < 6; h++) {
                assertEquals(g2[c * 6 + h], g[1][h * 3 + c], 1e-13);
            }
        }
        new Backpropagation(two, ROWS).directions(two, mm, x, labels, ROWS, g1t, g2);
        new ErrorFeedback(ErrorFeedback.Kind.BP, deep, ROWS, null, null).directions(deep, mm, x, labels, ROWS, null, g, l -> { });
        assertArrayEquals(g1t, g[0], 1e-13);
    }

    /**
     * The deep mirroring is WeightMirror's step with the deep network's logits: at depth 1, from the same noise
     * stream, it turns F exactly as the 2-layer mirroring does (1e-12: the logits sum in another order; F's
     * entries are O(0.1)). A deep response that ignored a layer would differ at O(F).
     */
    @Test
    void deepMirroringAtDepthOneIsTheTwoLayerMirroring() {
        TwoLayerNetwork two = TwoLayerNetwork.heUniform(9, 6, 3, RandomSource.XO_RO_SHI_RO_128_PP.create(7));
        DeepNetwork deep = DeepNetwork.heUniform(new int[] {9, 6, 3}, false, RandomSource.XO_RO_SHI_RO_128_PP.create(7));
        WeightMirror.Settings settings = new WeightMirror.Settings(1.0, 0.01, 0.1, 3, 5, true);
        double[] f2 = Pepita.initialFeedback(9, 3, 0.5, RandomSource.XO_RO_SHI_RO_128_PP.create(9));
        double[] fd = f2.clone();
        double[] f0 = f2.clone();
        new WeightMirror(two, settings, RandomSource.XO_RO_SHI_RO_128_PP.create(11)).mirror(two, mm, f2);
        new DeepMirror(deep, settings, RandomSource.XO_RO_SHI_RO_128_PP.create(11)).mirror(deep, mm, fd, 3);
        assertArrayEquals(f2, fd, 1e-12);
        double moved = 0;
        for (int k = 0; k < f0.length; k++) {
            moved = Math.max(moved, Math.abs(f2[k] - f0[k]));
        }
        assertTrue(moved > 1e-3, "mirroring moved F by " + moved);
    }
}
