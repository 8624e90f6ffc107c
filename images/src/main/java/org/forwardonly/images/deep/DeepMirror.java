package org.forwardonly.images.deep;

import org.apache.commons.rng.UniformRandomProvider;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.rules.WeightMirror;

/**
 * Weight mirroring of F for a {@link DeepNetwork}: {@link WeightMirror}'s step (noise {@code ξ ~ N(0, a² I_n)} at
 * the input, {@code F ← F + η_wm(⟨ξ yᵀ⟩ − λ_wm F)}, optionally rescaled to F's initial norm) with {@code y} the
 * logits of the whole network, no dropout, so F turns toward the end-to-end map. The authors mirror one matrix
 * per layer and multiply them (ravifrancesco/PEPITA, {@code FCnet.mirror_weights}); one F mirrored end to end is
 * the project's choice (docs/images.md).
 */
public final class DeepMirror {

    private final WeightMirror mirror;
    private final DeepPass pass;

    /** @param rng the generator of the noise */
    public DeepMirror(DeepNetwork net, WeightMirror.Settings settings, UniformRandomProvider rng) {
        mirror = new WeightMirror(net.inputs(), net.classes(), settings, rng);
        pass = new DeepPass(net, settings.batch());
    }

    /** The settings. */
    public WeightMirror.Settings settings() {
        return mirror.settings();
    }

    /** Runs {@code steps} mirroring steps on {@code f} (n×C) with the current weights. */
    public void mirror(DeepNetwork net, BatchMatmul mm, double[] f, int steps) {
        mirror.mirror(mm, f, steps, (xi, rows) -> {
            pass.run(net, mm, xi, null, rows, null);   // without labels pass.p holds the logits y
            return pass.p;
        });
    }
}
