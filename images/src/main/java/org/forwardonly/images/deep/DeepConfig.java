package org.forwardonly.images.deep;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.forwardonly.images.rules.WeightMirror;

/**
 * One run of one rule on a {@link DeepNetwork}. The defaults ({@link #paper}) are the authors' settings;
 * docs/images.md, "Deeper networks", says where each comes from.
 *
 * @param rule               bp, fa, dfa, ff, pepita, pepita-hebbian, pepita-tl or pepita-wm
 * @param depth              hidden layers, 1..3
 * @param hidden             units per hidden layer
 * @param learningRate       initial learning rate, × {@code decayFactor} after each of {@code decayEpochs}
 * @param weightDecay        λ of SGD's weight decay (PyTorch form: g + λW), 0 for none
 * @param dropout            dropout probability of the hidden units (same mask for both passes), 0 for none
 * @param normalise          hidden activities normalised to unit norm, row by row
 * @param feedbackScale      F = feedbackScale · U(±√(6/n))
 * @param modulationSign     s in x̃ = x + s F e
 * @param lastLayerModulated output update e h̃ᵀ (true) or e hᵀ
 * @param ffThreshold        θ of the ff rule (goodness = mean square activity)
 * @param mirroring          weight mirroring of F (pepita-wm)
 * @param preMirrorSteps     mirroring steps before training (pepita-wm; 0 for none)
 */
public record DeepConfig(DeepRuleName rule, int depth, int hidden, int epochs, int batchSize, double momentum,
                         double learningRate, List<Integer> decayEpochs, double decayFactor, double weightDecay,
                         double dropout, boolean normalise, double feedbackScale, double modulationSign,
                         boolean lastLayerModulated, double ffThreshold, WeightMirror.Settings mirroring,
                         int preMirrorSteps, long seed) {

    /** The rules. */
    public static final List<DeepRuleName> RULES = List.of(DeepRuleName.values());

    /** Copies the list. */
    public DeepConfig {
        decayEpochs = List.copyOf(decayEpochs);
    }

    /**
     * The authors' settings: 1024 hidden units, 100 epochs, batch 64, momentum 0.9, lr 0.01 × 0.1 after epochs
     * 60 and 90, dropout 0.1, F = 0.05·U(±√(6/n)), s = −1, ΔW_out = e h̃ᵀ; weight decay and normalisation off
     * (the protocols turn them on where the paper does); mirroring as {@code train-images}' defaults.
     */
    public static DeepConfig paper(DeepRuleName rule, int depth, long seed) {
        return new DeepConfig(rule, depth, 1024, 100, 64, 0.9, 0.01, List.of(60, 90), 0.1, 0.0, 0.1, false, 0.05, -1,
                true, 1.0, new WeightMirror.Settings(1.0, 3e-4, 0.0, 1, 64, true), 0, seed);
    }

    /** The same run with other fields (a copy for the protocols). */
    public DeepConfig with(DeepRuleName rule, double weightDecay, boolean normalise, int preMirrorSteps) {
        return new DeepConfig(rule, depth, hidden, epochs, batchSize, momentum, learningRate, decayEpochs, decayFactor,
                weightDecay, dropout, normalise, feedbackScale, modulationSign, lastLayerModulated, ffThreshold, mirroring,
                preMirrorSteps, seed);
    }

    /** The same run with another depth, epochs, seed and learning-rate schedule. */
    public DeepConfig resized(int depth, int hidden, int epochs, List<Integer> decayEpochs, long seed) {
        return new DeepConfig(rule, depth, hidden, epochs, batchSize, momentum, learningRate, decayEpochs, decayFactor,
                weightDecay, dropout, normalise, feedbackScale, modulationSign, lastLayerModulated, ffThreshold, mirroring,
                preMirrorSteps, seed);
    }

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException one line naming the option and what is allowed
     */
    public DeepConfig validate() {
        if (rule == null) {
            throw bad("--rules", rule, DeepRuleName.allowed());
        }
        if (depth < 1 || depth > 3) {
            throw bad("--depth", depth, "1, 2 or 3");
        }
        if (hidden < 1) {
            throw bad("--hidden", hidden, "a positive integer");
        }
        if (epochs < 1) {
            throw bad("--epochs", epochs, "a positive integer");
        }
        if (batchSize < 1) {
            throw bad("--batch-size", batchSize, "a positive integer");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw bad("--lr", learningRate, "a positive number");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw bad("--weight-decay", weightDecay, "a number >= 0");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw bad("--dropout", dropout, "0 <= p < 1");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw bad("--momentum", momentum, "0 <= momentum < 1");
        }
        if (preMirrorSteps < 0) {
            throw bad("--pre-mirror-steps", preMirrorSteps, "an integer >= 0");
        }
        return this;
    }

    /** The learning rate during {@code epoch} (1-based). */
    public double learningRate(int epoch) {
        double lr = learningRate;
        for (int e : decayEpochs) {
            if (epoch > e) {
                lr *= decayFactor;
            }
        }
        return lr;
    }

    /** A short description of the options that are on, for tables: "wd 1e-4, norm, pre-mirror 1000". */
    public String options() {
        StringBuilder s = new StringBuilder();
        if (weightDecay > 0) {
            s.append("wd ").append(String.format(Locale.ROOT, "%.0e", weightDecay)).append(", ");
        }
        if (normalise) {
            s.append("norm, ");
        }
        if (preMirrorSteps > 0) {
            s.append("pre-mirror ").append(preMirrorSteps).append(", ");
        }
        return s.isEmpty() ? "-" : s.substring(0, s.length() - 2);
    }

    private static IllegalArgumentException bad(String option, Object value, String allowed) {
        return new IllegalArgumentException(option + ": invalid value '" + value + "' (allowed: " + allowed + ")");
    }
}
