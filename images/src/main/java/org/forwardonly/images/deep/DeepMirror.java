package org.forwardonly.images.deep;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.forwardonly.images.network.Angles;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.rules.WeightMirror;

/**
 * Weight mirroring of F for a {@link DeepNetwork}: the same step as {@link WeightMirror} (noise
 * {@code ξ ~ N(0, a² I_n)} at the input, the logits {@code y} of the whole network, no dropout,
 * {@code F ← F + η_wm(⟨ξ yᵀ⟩ − λ_wm F)}, optionally rescaled to F's initial norm), so F turns toward the
 * end-to-end map. The authors mirror one matrix per layer and multiply them (ravifrancesco/PEPITA,
 * {@code FCnet.mirror_weights}); one F mirrored end to end is the project's choice (docs/images.md).
 */
public final class DeepMirror {

    private final WeightMirror.Settings settings;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final DeepPass pass;
    private final double[] xi;
    private final double[] corr;
    private double targetNorm = Double.NaN;

    /** @param rng the generator of the noise */
    public DeepMirror(DeepNetwork net, WeightMirror.Settings settings, UniformRandomProvider rng) {
        this.settings = settings;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        pass = new DeepPass(net, settings.batch());
        xi = new double[settings.batch() * net.inputs()];
        corr = new double[net.inputs() * net.classes()];
    }

    /** The settings. */
    public WeightMirror.Settings settings() {
        return settings;
    }

    /** Runs {@code steps} mirroring steps on {@code f} (n×C) with the current weights. */
    public void mirror(DeepNetwork net, BatchMatmul mm, double[] f, int steps) {
        if (Double.isNaN(targetNorm)) {
            targetNorm = Angles.norm(f);
        }
        int b = settings.batch();
        double eta = settings.eta();
        double decay = 1.0 - eta * settings.lambda();
        for (int step = 0; step < steps; step++) {
            for (int k = 0; k < xi.length; k++) {
                xi[k] = settings.noise() * gauss.sample();
            }
            pass.run(net, mm, xi, null, b, null);          // pass.p holds the logits y
            mm.multiplyTransposedA(xi, b, net.inputs(), pass.p, net.classes(), 1.0 / b, corr);
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
