package org.forwardonly.images.rules;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.forwardonly.images.network.Angles;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.TwoLayerNetwork;

/**
 * Weight mirroring of the top-down feedback F (Akrout et al. 2019; ICLR 2024 PEPITA+WM; docs/model.md §6):
 * inject input noise {@code ξ ~ N(0, a² I_n)} (a batch of {@code batch} noise vectors), read the network's
 * response {@code y = W2 relu(W1 ξ)} (logits), and update
 * <pre>   F ← F + η_wm ( ⟨ξ yᵀ⟩_batch − λ_wm F )      (option: rescale |F|_F to its initial norm)</pre>
 * {@code steps} times after every learning step. For ReLU and zero-mean Gaussian ξ,
 * {@code E[ξ yᵀ] = (a²/2) W1ᵀ W2ᵀ} exactly, so F turns toward the transposed end-to-end map (W2 W1)ᵀ.
 * (docs/model.md writes η_wm/N for the N→∞ scaling; here η_wm is the plain step size.)
 */
public final class WeightMirror {

    /** Parameters of the mirroring. */
    public record Settings(double noise, double eta, double lambda, int steps, int batch, boolean rescale) {
    }

    private final Settings settings;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final double[] xi;
    private final double[] h;
    private final double[] y;
    private final double[] corr;
    private double targetNorm = Double.NaN;

    /** @param rng the generator of the noise (its own stream: mirroring does not shift the data order) */
    public WeightMirror(TwoLayerNetwork net, Settings settings, UniformRandomProvider rng) {
        this.settings = settings;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        xi = new double[settings.batch() * net.inputs];
        h = new double[settings.batch() * net.hidden];
        y = new double[settings.batch() * net.classes];
        corr = new double[net.inputs * net.classes];
    }

    /** Runs the configured number of mirroring steps on {@code f} (n×C) with the current weights. */
    public void mirror(TwoLayerNetwork net, BatchMatmul mm, double[] f) {
        if (Double.isNaN(targetNorm)) {
            targetNorm = Angles.norm(f);   // the initial norm of F
        }
        int b = settings.batch();
        double a = settings.noise();
        double eta = settings.eta();
        double decay = 1.0 - eta * settings.lambda();
        for (int step = 0; step < settings.steps(); step++) {
            for (int k = 0; k < xi.length; k++) {
                xi[k] = a * gauss.sample();
            }
            net.hidden(mm, xi, b, h);
            net.logits(h, b, y);
            mm.multiplyTransposedA(xi, b, net.inputs, y, net.classes, 1.0 / b, corr);   // ⟨ξ yᵀ⟩
            for (int k = 0; k < f.length; k++) {
                f[k] = decay * f[k] + eta * corr[k];
            }
            if (settings.rescale()) {
                double norm = Angles.norm(f);
                if (norm > 0) {
                    double s = targetNorm / norm;
                    for (int k = 0; k < f.length; k++) {
                        f[k] *= s;
                    }
                }
            }
        }
    }
}
