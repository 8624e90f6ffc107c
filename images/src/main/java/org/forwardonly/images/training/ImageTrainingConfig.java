package org.forwardonly.images.training;

import java.util.List;
import java.util.Map;
import org.forwardonly.images.data.Normalization;
import org.forwardonly.images.rules.TwoLayerRuleName;
import org.forwardonly.images.rules.WeightMirror;

/**
 * Everything that determines a run of {@code train-images} (thread count excluded: it does not
 * change any result). Immutable; {@link #validate()} is the one place that checks it.
 *
 * @param rules              rules to train, in order: {@link TwoLayerRuleName} config names (read by {@link #ruleNames()})
 * @param learningRates      initial learning rate per rule
 * @param decayEpochs        epochs after which the learning rate is multiplied by {@code decayFactor}
 * @param trainSize          training images used (the first ones; all when ≥ the set size)
 * @param testSize           test images used
 * @param feedbackScale      F = feedbackScale · U(±√(6/n)) (0.05 in the papers)
 * @param modulationSign     s in x̃ = x + s F e (−1: ICLR 2024, +1: ICML 2022)
 * @param lastLayerModulated PEPITA's ΔW2 = e h̃ᵀ (true) or e hᵀ (false)
 * @param targetAccuracy     the test accuracy whose first-reaching epoch is reported
 */
public record ImageTrainingConfig(String dataset, List<String> rules, int hidden, int epochs, int batchSize,
                                  double momentum, Map<String, Double> learningRates, List<Integer> decayEpochs,
                                  double decayFactor, int trainSize, int testSize, long seed,
                                  Normalization normalization, double feedbackScale, double modulationSign,
                                  boolean lastLayerModulated, WeightMirror.Settings mirroring,
                                  double targetAccuracy) {
    /** Largest --lr accepted: the defaults are 0.01, and every rule's loss blows up well below 10. */
    public static final double MAX_LEARNING_RATE = 10;



    /** Copies the collections. */
    public ImageTrainingConfig {
        rules = List.copyOf(rules);
        learningRates = Map.copyOf(learningRates);
        decayEpochs = List.copyOf(decayEpochs);
    }

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException with one line naming the option and what is allowed
     */
    public ImageTrainingConfig validate() {
        if (!"fashion-mnist".equals(dataset)) {
            throw bad("--dataset", dataset, "only fashion-mnist");
        }
        if (rules.isEmpty()) {
            throw bad("--rules", "", "one or more of " + TwoLayerRuleName.allowed());
        }
        for (String rule : rules) {
            TwoLayerRuleName.of(rule);
            Double lr = learningRates.get(rule);
            if (lr == null || !(lr > 0) || Double.isInfinite(lr)) {
                throw bad("--lr", rule + "=" + lr, "a positive learning rate for every rule");
            }
            if (lr > MAX_LEARNING_RATE) {
                // issue 27: bp=1e6 and pepita=1e30 ran to the end with the loss clamped and accuracy at chance
                throw bad("--lr", rule + "=" + lr, "a rate from 0 to " + MAX_LEARNING_RATE
                        + "; the defaults are 0.01 and rates past 1 diverge");
            }
        }
        for (String rule : learningRates.keySet()) {
            if (TwoLayerRuleName.find(rule) == null) {
                throw bad("--lr", rule + "=" + learningRates.get(rule), "RULE=RATE with RULE one of " + TwoLayerRuleName.allowed());
            }
        }
        if (rules.stream().distinct().count() != rules.size()) {
            throw bad("--rules", String.join(",", rules), "each rule once");
        }
        positive("--hidden", hidden);
        positive("--epochs", epochs);
        positive("--batch-size", batchSize);
        positive("--train-size", trainSize);
        positive("--test-size", testSize);
        if (!(momentum >= 0 && momentum < 1)) {
            throw bad("--momentum", momentum, "0 <= momentum < 1");
        }
        for (int e : decayEpochs) {
            if (e < 1) {
                throw bad("--decay-epochs", e, "epochs >= 1");
            }
        }
        if (!(decayFactor > 0 && decayFactor <= 1)) {
            throw bad("--decay-factor", decayFactor, "0 < factor <= 1");
        }
        if (!(feedbackScale > 0) || Double.isInfinite(feedbackScale)) {
            throw bad("--feedback-scale", feedbackScale, "a positive number");
        }
        if (modulationSign != 1 && modulationSign != -1) {
            throw bad("--modulation-sign", modulationSign, "-1 or 1");
        }
        if (!(mirroring.noise() > 0) || Double.isInfinite(mirroring.noise())) {
            throw bad("--wm-noise", mirroring.noise(), "a positive number");
        }
        if (!(mirroring.eta() > 0) || Double.isInfinite(mirroring.eta())) {
            throw bad("--wm-eta", mirroring.eta(), "a positive number");
        }
        if (!(mirroring.lambda() >= 0) || Double.isInfinite(mirroring.lambda())) {
            throw bad("--wm-decay", mirroring.lambda(), "a number >= 0");
        }
        if (mirroring.eta() * mirroring.lambda() >= 1) {
            throw bad("--wm-decay", mirroring.lambda(), "wm-eta * wm-decay < 1, here " + mirroring.eta() + " * decay");
        }
        positive("--wm-steps", mirroring.steps());
        positive("--wm-batch", mirroring.batch());
        if (!(targetAccuracy > 0 && targetAccuracy <= 1)) {
            throw bad("--target-accuracy", targetAccuracy, "0 < accuracy <= 1");
        }
        return this;
    }

    /** Largest --hidden: a 784 x hidden weight matrix must fit one Java array. */
    public static final int MAX_HIDDEN = 2_000_000;

    /**
     * Refuses a network that cannot fit {@code maxMemory} bytes: weights, their velocity, gradient and
     * a copy (784+10 per hidden unit each), activations of a batch, and the images as doubles.
     *
     * @throws IllegalArgumentException naming --hidden (or --batch-size) and what fits
     */
    public ImageTrainingConfig checkMemory(long maxMemory) {
        if (hidden > MAX_HIDDEN) throw bad("--hidden", hidden, "at most " + MAX_HIDDEN);
        double perHidden = 8.0 * (4 * (784 + 10) + 6.0 * batchSize);
        double fixed = 8.0 * 785 * (70_000 + 2L * batchSize);
        double needed = fixed + perHidden * hidden;
        if (needed > 0.8 * maxMemory) {
            long fits = (long) Math.max(0, (0.8 * maxMemory - fixed) / perHidden);
            throw bad(hidden > 1024 ? "--hidden" : "--batch-size", hidden > 1024 ? hidden : batchSize,
                    String.format(java.util.Locale.ROOT, "needs about %.1f GB, more than the %.1f GB available; at most about "
                            + "%d hidden units fit, or give Java more with PEPITA_JAVA_OPTS=-Xmx...", needed / 1e9, maxMemory / 1e9, fits));
        }
        return this;
    }

    /** The rules to train, in order, as values (names checked by {@link #validate()}). */
    public List<TwoLayerRuleName> ruleNames() {
        return rules.stream().map(TwoLayerRuleName::of).toList();
    }

    /** The initial learning rate of {@code rule}. */
    public double learningRate(TwoLayerRuleName rule) {
        return learningRates.get(rule.configName());
    }

    /** The learning rate of {@code rule} during {@code epoch} (1-based): step decay. */
    public double learningRate(TwoLayerRuleName rule, int epoch) {
        double lr = learningRate(rule);
        for (int e : decayEpochs) {
            if (epoch > e) {
                lr *= decayFactor;
            }
        }
        return lr;
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw bad(option, value, "a positive integer");
        }
    }

    private static IllegalArgumentException bad(String option, Object value, String allowed) {
        return new IllegalArgumentException(option + ": invalid value '" + value + "' (allowed: " + allowed + ")");
    }
}
