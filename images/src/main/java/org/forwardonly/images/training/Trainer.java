package org.forwardonly.images.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.forwardonly.images.data.ImageSet;
import org.forwardonly.images.network.Angles;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.TwoLayerNetwork;
import org.forwardonly.images.rules.Backpropagation;
import org.forwardonly.images.rules.FeedbackAlignment;
import org.forwardonly.images.rules.ImageRule;
import org.forwardonly.images.rules.Pepita;
import org.forwardonly.images.rules.TwoLayerRuleName;
import org.forwardonly.images.rules.WeightMirror;

/**
 * Trains one rule on a training set for the configured epochs (minibatch SGD with momentum, step decay
 * of the learning rate, reshuffled every epoch) and measures test accuracy and the F alignment angle
 * after every epoch.
 */
public final class Trainer {

    private final ImageTrainingConfig config;
    private final BatchMatmul mm;
    private final TrainingProgress progress;

    /** @param progress where to report progress ({@link TrainingProgress#NONE} for nowhere) */
    public Trainer(ImageTrainingConfig config, BatchMatmul mm, TrainingProgress progress) {
        this.config = config;
        this.mm = mm;
        this.progress = progress;
    }

    /** The network every rule starts from. */
    public TwoLayerNetwork initialNetwork(int inputs, int classes) {
        return TwoLayerNetwork.heUniform(inputs, config.hidden(), classes, Seeds.WEIGHTS.rng(config.seed()));
    }

    /** Builds rule {@code name} for {@code net}. */
    public ImageRule rule(TwoLayerRuleName name, TwoLayerNetwork net) {
        int maxRows = config.batchSize();
        return switch (name) {
            case BP -> new Backpropagation(net, maxRows);
            case FA -> new FeedbackAlignment(net, maxRows, Seeds.FA_MATRIX.rng(config.seed()));
            case PEPITA, PEPITA_WM -> {
                double[] f = Pepita.initialFeedback(net.inputs, net.classes, config.feedbackScale(),
                        Seeds.FEEDBACK.rng(config.seed()));
                WeightMirror mirror = name == TwoLayerRuleName.PEPITA_WM
                        ? new WeightMirror(net, config.mirroring(), Seeds.MIRROR_NOISE.rng(config.seed())) : null;
                yield new Pepita(net, maxRows, f, config.modulationSign(), config.lastLayerModulated(), mirror);
            }
        };
    }

    /**
     * Trains {@code ruleName} from the common initial network.
     *
     * @param onEpoch called with each epoch's metrics as soon as they are known (epoch 0 first)
     * @throws DivergedException when the loss stops being finite
     */
    public List<EpochMetrics> train(TwoLayerRuleName name, ImageSet train, ImageSet test, Consumer<EpochMetrics> onEpoch) {
        TwoLayerNetwork net = initialNetwork(train.features(), train.classes());
        ImageRule rule = rule(name, net);
        String ruleName = name.configName();
        SgdMomentum optimizer = new SgdMomentum(net, config.momentum());
        Evaluator evaluator = new Evaluator(net, test);
        Minibatches minibatches = new Minibatches(train, config.batchSize(), Seeds.SHUFFLE.rng(config.seed()));
        double[] x = new double[config.batchSize() * train.features()];
        int[] labels = new int[config.batchSize()];
        double[] g1t = new double[net.w1t.length];
        double[] g2 = new double[net.w2.length];
        double[] endToEnd = new double[net.inputs * net.classes];
        int batches = minibatches.batches();

        List<EpochMetrics> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        EpochMetrics initial = new EpochMetrics(ruleName, 0, 0.0, Double.NaN, evaluator.accuracy(net, mm),
                angle(rule, net, endToEnd), (System.nanoTime() - t0) / 1e9);
        rows.add(initial);
        onEpoch.accept(initial);
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            double lr = config.learningRate(name, epoch);
            minibatches.shuffle();
            double lossSum = 0;
            for (int bIdx = 0; bIdx < batches; bIdx++) {
                int rowsInBatch = minibatches.fill(bIdx, x, labels);
                lossSum += rule.directions(net, mm, x, labels, rowsInBatch, g1t, g2) / rowsInBatch;
                if (!Double.isFinite(lossSum)) {
                    throw new DivergedException(ruleName + " diverged at epoch " + epoch + ", batch " + (bIdx + 1)
                            + " (loss not finite; lower --lr " + ruleName + "=...)");
                }
                optimizer.step(net, g1t, g2, lr);
                rule.afterUpdate(net, mm);
                progress.batchDone(ruleName, (long) (epoch - 1) * batches + bIdx + 1, (long) config.epochs() * batches);
            }
            double accuracy = evaluator.accuracy(net, mm);
            EpochMetrics m = new EpochMetrics(ruleName, epoch, lr, lossSum / batches, accuracy, angle(rule, net, endToEnd),
                    (System.nanoTime() - start) / 1e9);
            rows.add(m);
            onEpoch.accept(m);
        }
        progress.ruleDone(ruleName);
        return rows;
    }

    /** Angle between F and (W2 W1)ᵀ in degrees, NaN when the rule has no F. */
    static double angle(ImageRule rule, TwoLayerNetwork net, double[] endToEnd) {
        double[] f = rule.feedback();
        if (f == null) {
            return Double.NaN;
        }
        net.endToEndTransposed(endToEnd);
        return Angles.degrees(f, endToEnd);
    }
}
