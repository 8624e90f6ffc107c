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
 * The step itself only needs the network's logits for the noise ({@link Response}), so the deep networks of
 * {@code images.deep} mirror their F with this class too.
 */
public final class WeightMirror {

    /** Parameters of the mirroring. */
    public record Settings(double noise, double eta, double lambda, int steps, int batch, boolean rescale) {
    }

    /** The network's response to the noise: its logits for a batch of inputs. */
    @FunctionalInterface
    public interface Response {
        /**
         * @param xi   the noise, rows × n row-major
         * @param rows the batch size
         * @return the logits, rows × C row-major (a buffer of the caller's; read before the next call)
         */
        double[] logits(double[] xi, int rows);
    }

    private final Settings settings;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final int inputs;
    private final int classes;
    private final double[] xi;
    private final double[] corr;
    private final double[] h;
    private final double[] y;
    private double targetNorm = Double.NaN;

    /** @param rng the generator of the noise (its own stream: mirroring does not shift the data order) */
    public WeightMirror(TwoLayerNetwork net, Settings settings, UniformRandomProvider rng) {
        this(net.inputs, net.classes, net.hidden, settings, rng);
    }

    /**
     * Mirroring of an n×C F for any network, whose logits are given to {@link #mirror(BatchMatmul, double[], int,
     * Response)}.
     *
     * @param inputs  n
     * @param classes C
     * @param rng     the generator of the noise (its own stream)
     */
    public WeightMirror(int inputs, int classes, Settings settings, UniformRandomProvider rng) {
        this(inputs, classes, 0, settings, rng);
    }

    private WeightMirror(int inputs, int classes, int hidden, Settings settings, UniformRandomProvider rng) {
        this.settings = settings;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.inputs = inputs;
        this.classes = classes;
        xi = new double[settings.batch() * inputs];
        corr = new double[inputs * classes];
        h = new double[settings.batch() * hidden];
        y = new double[settings.batch() * classes];
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** Runs the configured number of mirroring steps on {@code f} (n×C) with the current weights of {@code net}. */
    public void mirror(TwoLayerNetwork net, BatchMatmul mm, double[] f) {
        mirror(mm, f, settings.steps(), (noise, rows) -> {
            net.hidden(mm, noise, rows, h);
            net.logits(h, rows, y);
            return y;
        });
    }

    /**
     * Runs {@code steps} mirroring steps on {@code f} (n×C), reading the network's logits for each batch of noise
     * from {@code response}. The first call fixes the norm F is rescaled to.
     */
    public void mirror(BatchMatmul mm, double[] f, int steps, Response response) {
        if (Double.isNaN(targetNorm)) {
            targetNorm = Angles.norm(f);   // the initial norm of F
        }
        int b = settings.batch();
        double a = settings.noise();
        double eta = settings.eta();
        double decay = 1.0 - eta * settings.lambda();
        for (int step = 0; step < steps; step++) {
            for (int k = 0; k < xi.length; k++) {
                xi[k] = a * gauss.sample();
            }
            double[] logits = response.logits(xi, b);
            mm.multiplyTransposedA(xi, b, inputs, logits, classes, 1.0 / b, corr);   // ⟨ξ yᵀ⟩
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
