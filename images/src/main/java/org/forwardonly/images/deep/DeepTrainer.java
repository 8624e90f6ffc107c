package org.forwardonly.images.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.forwardonly.images.data.ImageSet;
import org.forwardonly.images.network.Angles;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.Softmax;
import org.forwardonly.images.rules.Pepita;
import org.forwardonly.images.training.DivergedException;
import org.forwardonly.images.training.EpochMetrics;
import org.forwardonly.images.training.Minibatches;
import org.forwardonly.images.training.Seeds;
import org.forwardonly.images.training.SgdMomentum;

/**
 * Trains one {@link DeepConfig} (minibatch SGD with momentum and weight decay, PyTorch form
 * {@code v ← μv + g + λW, W ← W − lr v}; step decay; reshuffled every epoch; a fresh dropout mask per batch)
 * and measures test accuracy and the angle of F to the end-to-end map after every epoch. The random streams
 * are those of {@code train-images} ({@link Seeds}), so every rule of a seed starts from the same weights
 * and F and sees the images in the same order.
 */
public final class DeepTrainer {

    private final BatchMatmul mm;

    /** @param mm the batch products (its thread count does not change any result) */
    public DeepTrainer(BatchMatmul mm) {
        this.mm = mm;
    }

    /** The network every rule of {@code config}'s seed starts from. */
    public static DeepNetwork initialNetwork(DeepConfig config, int inputs, int classes) {
        int[] sizes = new int[config.depth() + 2];
        sizes[0] = inputs;
        for (int l = 1; l <= config.depth(); l++) {
            sizes[l] = config.hidden();
        }
        sizes[sizes.length - 1] = classes;
        return DeepNetwork.heUniform(sizes, config.normalise(), Seeds.WEIGHTS.rng(config.seed()));
    }

    /** Builds the rule of {@code config} for {@code net}. */
    public static DeepRule rule(DeepConfig config, DeepNetwork net) {
        int maxRows = config.batchSize();
        long seed = config.seed();
        return switch (config.rule()) {
            case BP -> new ErrorFeedback(ErrorFeedback.Kind.BP, net, maxRows, null, null);
            case FA -> new ErrorFeedback(ErrorFeedback.Kind.FA, net, maxRows, Seeds.FA_MATRIX.rng(seed), null);
            case DFA -> new ErrorFeedback(ErrorFeedback.Kind.DFA, net, maxRows, Seeds.FA_MATRIX.rng(seed),
                    Seeds.DFA_MATRICES.rng(seed));
            case FF, PEPITA, PEPITA_HEBBIAN, PEPITA_TL, PEPITA_WM -> {
                PepitaFamily.Variant variant = switch (config.rule()) {
                    case FF -> PepitaFamily.Variant.FF;
                    case PEPITA_HEBBIAN -> PepitaFamily.Variant.HEBBIAN;
                    case PEPITA_TL -> PepitaFamily.Variant.TIME_LOCAL;
                    case PEPITA, PEPITA_WM -> PepitaFamily.Variant.PEPITA;
                    default -> throw new IllegalStateException("not a PEPITA-family rule: " + config.rule());
                };
                double[] f = Pepita.initialFeedback(net.inputs(), net.classes(), config.feedbackScale(),
                        Seeds.FEEDBACK.rng(seed));
                DeepMirror mirror = config.rule() == DeepRuleName.PEPITA_WM
                        ? new DeepMirror(net, config.mirroring(), Seeds.MIRROR_NOISE.rng(seed)) : null;
                yield new PepitaFamily(variant, net, maxRows, f, config.modulationSign(), config.lastLayerModulated(),
                        config.ffThreshold(), mirror, mirror == null ? 0 : config.preMirrorSteps());
            }
        };
    }

    /**
     * Trains {@code config} on {@code train}, evaluating on {@code test} after every epoch (epoch 0: untrained,
     * after pre-mirroring).
     *
     * @throws DivergedException when the loss stops being finite
     */
    public List<EpochMetrics> train(DeepConfig config, ImageSet train, ImageSet test, Consumer<EpochMetrics> onEpoch) {
        DeepNetwork net = initialNetwork(config, train.features(), train.classes());
        DeepRule rule = rule(config, net);
        String name = config.rule().configName();
        int layers = net.layers();
        double[][] velocity = new double[layers][];
        double[][] g = new double[layers][];
        for (int l = 0; l < layers; l++) {
            velocity[l] = new double[net.wt[l].length];
            g[l] = new double[net.wt[l].length];
        }
        Minibatches minibatches = new Minibatches(train, config.batchSize(), Seeds.SHUFFLE.rng(config.seed()));
        UniformRandomProvider dropRng = Seeds.DROPOUT.rng(config.seed());
        int batch = config.batchSize();
        double[] x = new double[batch * train.features()];
        int[] labels = new int[batch];
        double[][] masks = config.dropout() > 0 ? new double[net.depth()][] : null;
        if (masks != null) {
            for (int l = 0; l < net.depth(); l++) {
                masks[l] = new double[batch * net.sizes[l + 1]];
            }
        }
        int batches = minibatches.batches();
        boolean[] applied = new boolean[layers];

        List<EpochMetrics> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        rule.beforeTraining(net, mm);
        EpochMetrics initial = new EpochMetrics(name, 0, 0.0, Double.NaN, accuracy(net, mm, test), angle(rule, net, mm),
                (System.nanoTime() - t0) / 1e9);
        rows.add(initial);
        onEpoch.accept(initial);
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            double lr = config.learningRate(epoch);
            minibatches.shuffle();
            double lossSum = 0;
            for (int bIdx = 0; bIdx < batches; bIdx++) {
                int rowsInBatch = minibatches.fill(bIdx, x, labels);
                if (masks != null) {
                    drawMasks(masks, net, rowsInBatch, config.dropout(), dropRng);
                }
                java.util.Arrays.fill(applied, false);
                lossSum += rule.directions(net, mm, x, labels, rowsInBatch, masks, g, l -> {
                    SgdMomentum.step(net.wt[l], velocity[l], g[l], lr, config.momentum(), config.weightDecay());
                    applied[l] = true;
                }) / rowsInBatch;
                if (!Double.isFinite(lossSum)) {
                    throw new DivergedException(name + " (depth " + config.depth() + ") diverged at epoch " + epoch
                            + ", batch " + (bIdx + 1) + " (loss not finite; lower --lr)");
                }
                for (int l = 0; l < layers; l++) {
                    if (!applied[l]) {
                        SgdMomentum.step(net.wt[l], velocity[l], g[l], lr, config.momentum(), config.weightDecay());
                    }
                }
                rule.afterUpdate(net, mm);
            }
            EpochMetrics m = new EpochMetrics(name, epoch, lr, lossSum / batches, accuracy(net, mm, test),
                    angle(rule, net, mm), (System.nanoTime() - start) / 1e9);
            rows.add(m);
            onEpoch.accept(m);
        }
        return rows;
    }

    /** Inverted dropout: 0 with probability p, else 1/(1−p) (PyTorch's scaling). */
    static void drawMasks(double[][] masks, DeepNetwork net, int rows, double p, UniformRandomProvider rng) {
        double keep = 1 / (1 - p);
        for (int l = 0; l < masks.length; l++) {
            int len = rows * net.sizes[l + 1];
            for (int k = 0; k < len; k++) {
                masks[l][k] = rng.nextDouble() < p ? 0 : keep;
            }
        }
    }

    /** Test accuracy (no dropout), in chunks of 1000 images. */
    public static double accuracy(DeepNetwork net, BatchMatmul mm, ImageSet set) {
        int chunk = 1000;
        DeepPass pass = new DeepPass(net, chunk);
        double[] x = new double[chunk * set.features()];
        int correct = 0;
        int n = set.features();
        for (int start = 0; start < set.count(); start += chunk) {
            int rows = Math.min(chunk, set.count() - start);
            System.arraycopy(set.x(), start * n, x, 0, rows * n);
            pass.run(net, mm, x, null, rows, null);
            for (int r = 0; r < rows; r++) {
                if (Softmax.argmax(pass.p, r, net.classes()) == set.labels()[start + r]) {
                    correct++;
                }
            }
        }
        return (double) correct / set.count();
    }

    /** Angle between F and the transposed end-to-end map in degrees, NaN when the rule has no F. */
    static double angle(DeepRule rule, DeepNetwork net, BatchMatmul mm) {
        double[] f = rule.feedback();
        return f == null ? Double.NaN : Angles.degrees(f, net.endToEndTransposed(mm));
    }
}
