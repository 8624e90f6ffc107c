package org.forwardonly.images.rules;

import org.apache.commons.rng.UniformRandomProvider;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.ForwardPass;
import org.forwardonly.images.network.TwoLayerNetwork;

/**
 * PEPITA (Dellaferrera &amp; Kreiman 2022; Srinivasan et al., ICLR 2024), two forward passes per batch:
 * <pre>
 *   h = relu(W1 x),  p = softmax(W2 h),  e = p − onehot(target)        (first pass)
 *   x̃ = x + s F e,   h̃ = relu(W1 x̃)                                    (modulated pass)
 *   ΔW1 = (h − h̃) x̃ᵀ,  ΔW2 = e h̃ᵀ   (option: e hᵀ)                      (docs/model.md §2)
 * </pre>
 * averaged over the batch. F is n×C, {@code F = scale · U(±√(6/n))}; {@code s = −1} by default
 * (the ICLR 2024 convention x − F e), {@code s = +1} is the ICML 2022 original.
 * With a {@link WeightMirror}, F is mirrored after every update ("pepita-wm").
 */
public final class Pepita implements ImageRule {

    private final double[] f;
    private final double sign;
    private final boolean lastLayerModulated;
    private final WeightMirror mirror;
    private final ForwardPass pass;
    private final double[] xMod;
    private final double[] hMod;
    private final double[] delta;

    /**
     * @param f                  the feedback matrix F (n×C row-major); owned (and mirrored) by this rule
     * @param sign               the modulation sign s (±1)
     * @param lastLayerModulated true: ΔW2 = e h̃ᵀ (default); false: e hᵀ
     * @param mirror             weight mirroring of F, or null for plain PEPITA
     */
    public Pepita(TwoLayerNetwork net, int maxRows, double[] f, double sign, boolean lastLayerModulated,
                  WeightMirror mirror) {
        if (f.length != net.inputs * net.classes) {
            throw new IllegalArgumentException("F must be n×C = " + net.inputs + "×" + net.classes);
        }
        this.f = f;
        this.sign = sign;
        this.lastLayerModulated = lastLayerModulated;
        this.mirror = mirror;
        pass = new ForwardPass(net, maxRows);
        xMod = new double[maxRows * net.inputs];
        hMod = new double[maxRows * net.hidden];
        delta = new double[maxRows * net.hidden];
    }

    /** The PEPITA papers' F: {@code scale · U(±√(6/n))}, n×C (scale 0.05 in the papers). */
    public static double[] initialFeedback(int inputs, int classes, double scale, UniformRandomProvider rng) {
        double bound = scale * Math.sqrt(6.0 / inputs);
        double[] f = new double[inputs * classes];
        for (int k = 0; k < f.length; k++) {
            f[k] = bound * (2 * rng.nextDouble() - 1);
        }
        return f;
    }

    @Override
    public String name() {
        return (mirror == null ? TwoLayerRuleName.PEPITA : TwoLayerRuleName.PEPITA_WM).configName();
    }

    @Override
    public double directions(TwoLayerNetwork net, BatchMatmul mm, double[] x, int[] labels, int rows,
                             double[] g1t, double[] g2) {
        double loss = pass.run(net, mm, x, labels, rows);
        int n = net.inputs;
        int classes = net.classes;
        // x̃ = x + s F e, row by row
        for (int r = 0; r < rows; r++) {
            int xr = r * n;
            int er = r * classes;
            for (int i = 0; i < n; i++) {
                double fe = 0;
                int fi = i * classes;
                for (int c = 0; c < classes; c++) {
                    fe += f[fi + c] * pass.err[er + c];
                }
                xMod[xr + i] = x[xr + i] + sign * fe;
            }
        }
        net.hidden(mm, xMod, rows, hMod);
        int len = rows * net.hidden;
        for (int k = 0; k < len; k++) {
            delta[k] = pass.h[k] - hMod[k];
        }
        double inv = 1.0 / rows;
        mm.multiplyTransposedA(xMod, rows, n, delta, net.hidden, inv, g1t);                 // (h − h̃) x̃ᵀ
        mm.multiplyTransposedA(pass.err, rows, classes, lastLayerModulated ? hMod : pass.h, net.hidden, inv, g2);
        return loss;
    }

    @Override
    public void afterUpdate(TwoLayerNetwork net, BatchMatmul mm) {
        if (mirror != null) {
            mirror.mirror(net, mm, f);
        }
    }

    @Override
    public double[] feedback() {
        return f;
    }
}
