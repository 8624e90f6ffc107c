package org.forwardonly.images.deep;

import java.util.function.IntConsumer;
import org.forwardonly.images.network.BatchMatmul;

/**
 * PEPITA and its variants on a {@link DeepNetwork} (Dellaferrera &amp; Kreiman 2022, Alg. 1; Srinivasan et al.
 * 2024). First pass {@code h_l}, {@code e = p − onehot(y)}; modulated input {@code x̃ = x + s F e}; second
 * pass {@code h̃_l} through all layers with the same dropout masks ({@code h_{−1} = x}, {@code h̃_{−1} = x̃}).
 * Directions, averaged over the batch (rows r):
 * <pre>
 *   pepita        g_l = h̃_{l−1}ᵀ (h_l − h̃_l)                             (hidden l)
 *   pepita-hebbian g_l = h_{l−1}ᵀ h_l − h̃_{l−1}ᵀ h̃_l                      (Hebbian first pass, anti-Hebbian second)
 *   ff            g_l = Σ_r σ(G_r − θ) h_{l−1,r}ᵀ h_{l,r} − (1 − σ(G̃_r − θ)) h̃_{l−1,r}ᵀ h̃_{l,r},  G = mean_j h_j²
 *   pepita-tl     as pepita, but W_l is updated as soon as h̃_l is known, and h̃_l is recomputed with the
 *                 new W_l before it feeds layer l+1 (Alg. S2, the project's reading: docs/images.md)
 *   output        g_d = h̃_{d−1}ᵀ e   (option: h_{d−1}ᵀ e)
 * </pre>
 * ff is the FF form of docs/model.md §2 (goodness raised on the modulated pass, lowered on the clean one)
 * with Hinton's logistic threshold; its g_l is the gradient of
 * {@code −log σ(G̃ − θ) − log(1 − σ(G − θ))} times H_l/2, so with both weights 1 it is pepita-hebbian.
 * With a {@link DeepMirror} F is mirrored after every update ("pepita-wm"), and optionally before training.
 */
public final class PepitaFamily implements DeepRule {

    /** The update of the hidden layers. */
    public enum Variant { PEPITA, HEBBIAN, TIME_LOCAL, FF }

    private final Variant variant;
    private final double[] f;
    private final double sign;
    private final boolean lastLayerModulated;
    private final double threshold;
    private final DeepMirror mirror;
    private final int preMirrorSteps;
    private final DeepPass pass;
    private final double[] xMod;
    private final double[][] hMod;
    private final double[] diff;
    private final double[] weightsClean;
    private final double[] weightsMod;
    private final double[] scratch;
    private final double[] gTmp;

    /**
     * @param f              F (n×C row-major), owned (and mirrored) by this rule
     * @param sign           s in x̃ = x + s F e
     * @param threshold      θ of the ff variant (ignored by the others)
     * @param mirror         weight mirroring of F, or null
     * @param preMirrorSteps mirroring steps before training (0: none; needs a mirror)
     */
    public PepitaFamily(Variant variant, DeepNetwork net, int maxRows, double[] f, double sign,
                        boolean lastLayerModulated, double threshold, DeepMirror mirror, int preMirrorSteps) {
        if (f.length != net.inputs() * net.classes()) {
            throw new IllegalArgumentException("F must be n×C = " + net.inputs() + "×" + net.classes());
        }
        this.variant = variant;
        this.f = f;
        this.sign = sign;
        this.lastLayerModulated = lastLayerModulated;
        this.threshold = threshold;
        this.mirror = mirror;
        this.preMirrorSteps = preMirrorSteps;
        pass = new DeepPass(net, maxRows);
        xMod = new double[maxRows * net.inputs()];
        hMod = new double[net.depth()][];
        int widest = 0;
        for (int l = 0; l < net.depth(); l++) {
            hMod[l] = new double[maxRows * net.sizes[l + 1]];
            widest = Math.max(widest, net.sizes[l + 1]);
        }
        diff = new double[maxRows * widest];
        scratch = new double[maxRows * Math.max(widest, net.inputs())];
        int biggest = 0;
        for (double[] w : net.wt) {
            biggest = Math.max(biggest, w.length);
        }
        gTmp = new double[biggest];
        weightsClean = new double[maxRows];
        weightsMod = new double[maxRows];
    }

    @Override
    public String name() {
        DeepRuleName base = switch (variant) {
            case PEPITA -> DeepRuleName.PEPITA;
            case HEBBIAN -> DeepRuleName.PEPITA_HEBBIAN;
            case TIME_LOCAL -> DeepRuleName.PEPITA_TL;
            case FF -> DeepRuleName.FF;
        };
        return mirror == null ? base.configName() : base == DeepRuleName.PEPITA ? DeepRuleName.PEPITA_WM.configName()
                : base.configName() + "-wm";
    }

    @Override
    public double directions(DeepNetwork net, BatchMatmul mm, double[] x, int[] labels, int rows, double[][] masks,
                             double[][] g, IntConsumer applyLayer) {
        double loss = pass.run(net, mm, x, labels, rows, masks);
        int n = net.inputs();
        int c = net.classes();
        int d = net.depth();
        // x̃ = x + s F e, row by row
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                double fe = 0;
                for (int k = 0; k < c; k++) {
                    fe += f[i * c + k] * pass.err[r * c + k];
                }
                xMod[r * n + i] = x[r * n + i] + sign * fe;
            }
        }
        double inv = 1.0 / rows;
        double[] normScratch = new double[rows];
        for (int l = 0; l < d; l++) {
            int in = net.sizes[l];
            int width = net.sizes[l + 1];
            double[] inMod = l == 0 ? xMod : hMod[l - 1];
            double[] inClean = pass.input(l, x);
            double[] mask = masks == null ? null : masks[l];
            net.layer(mm, l, inMod, rows, mask, hMod[l], normScratch);
            double[] h = pass.h[l];
            double[] hm = hMod[l];
            int len = rows * width;
            switch (variant) {
                case PEPITA, TIME_LOCAL -> {
                    for (int k = 0; k < len; k++) {
                        diff[k] = h[k] - hm[k];
                    }
                    mm.multiplyTransposedA(inMod, rows, in, diff, width, inv, g[l]);
                }
                case HEBBIAN -> hebbian(mm, inClean, h, inMod, hm, null, null, rows, in, width, inv, g[l]);
                case FF -> {
                    for (int r = 0; r < rows; r++) {
                        weightsClean[r] = sigmoid(goodness(h, r, width) - threshold);
                        weightsMod[r] = 1 - sigmoid(goodness(hm, r, width) - threshold);
                    }
                    hebbian(mm, inClean, h, inMod, hm, weightsClean, weightsMod, rows, in, width, inv, g[l]);
                }
            }
            if (variant == Variant.TIME_LOCAL) {
                applyLayer.accept(l);
                net.layer(mm, l, inMod, rows, mask, hMod[l], normScratch);   // h̃_l with the new W_l feeds layer l+1
            }
        }
        double[] last = lastLayerModulated ? (d == 0 ? xMod : hMod[d - 1]) : pass.input(d, x);
        mm.multiplyTransposedA(last, rows, net.sizes[d], pass.err, c, inv, g[d]);
        if (variant == Variant.TIME_LOCAL) {
            applyLayer.accept(d);
        }
        return loss;
    }

    /**
     * {@code g = (Σ_r wc_r a_rᵀ h_r − wm_r ã_rᵀ h̃_r)/rows} (weights 1 when null); {@code scratch} holds the
     * weighted rows of h.
     */
    private void hebbian(BatchMatmul mm, double[] a, double[] h, double[] aMod, double[] hMod, double[] wc,
                         double[] wm, int rows, int in, int width, double inv, double[] g) {
        double[] tmp = gTmp;
        weighted(h, wc, rows, width);
        mm.multiplyTransposedA(a, rows, in, scratch, width, inv, g);
        weighted(hMod, wm, rows, width);
        mm.multiplyTransposedA(aMod, rows, in, scratch, width, inv, tmp);
        for (int k = 0; k < in * width; k++) {
            g[k] -= tmp[k];
        }
    }

    private void weighted(double[] h, double[] w, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            double s = w == null ? 1 : w[r];
            for (int j = 0; j < width; j++) {
                scratch[r * width + j] = s * h[r * width + j];
            }
        }
    }

    /** G = mean_j h_j² of row r. */
    static double goodness(double[] h, int r, int width) {
        double s = 0;
        for (int j = r * width; j < (r + 1) * width; j++) {
            s += h[j] * h[j];
        }
        return s / width;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public void beforeTraining(DeepNetwork net, BatchMatmul mm) {
        if (mirror != null && preMirrorSteps > 0) {
            mirror.mirror(net, mm, f, preMirrorSteps);
        }
    }

    @Override
    public void afterUpdate(DeepNetwork net, BatchMatmul mm) {
        if (mirror != null) {
            mirror.mirror(net, mm, f, mirror.settings().steps());
        }
    }

    @Override
    public double[] feedback() {
        return f;
    }
}
