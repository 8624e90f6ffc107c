package org.forwardonly.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.forwardonly.images.data.DatasetMissingException;
import org.forwardonly.images.data.FashionMnist;
import org.forwardonly.images.data.Normalization;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.rules.TwoLayerRuleName;
import org.forwardonly.images.rules.WeightMirror;
import org.forwardonly.images.training.DivergedException;
import org.forwardonly.images.training.EpochMetrics;
import org.forwardonly.images.training.ImageTrainingConfig;
import org.forwardonly.images.training.ResultsWriter;
import org.forwardonly.images.training.RuleSummary;
import org.forwardonly.images.training.Trainer;
import org.forwardonly.images.training.TrainingProgress;
import org.forwardonly.plots.catalogue.FigureRunner;
import org.forwardonly.plots.catalogue.OutputDirectory;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.plots.training.TrainingCurvesFigure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pepita train-images}: bp, fa, pepita and pepita with weight mirroring on Fashion-MNIST
 * (784–H–10 network, softmax, cross-entropy, SGD with momentum, step decay). See docs/images.md.
 */
@Command(name = "train-images", mixinStandardHelpOptions = true,
        description = "Train bp, fa, pepita and pepita+weight mirroring on Fashion-MNIST (784-1024-10, softmax) "
                + "and report test accuracy per epoch, epochs to a target accuracy and the angle between F and (W2 W1)^T.")
public final class TrainImagesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "Dataset (only fashion-mnist). Default: ${DEFAULT-VALUE}")
    String dataset;

    @Option(names = "--data-dir", description = "Directory with the IDX files (.gz or plain). Default: "
            + "/usr/share/datasets/fashion-mnist")
    Path dataDir = FashionMnist.DEBIAN_DIR;

    @Option(names = {"-o", "--out"}, required = true, description = "Output directory (created if absent; a non-empty one "
            + "only with --overwrite). Files are staged beside it and moved in at the end.")
    Path out;

    @CommandLine.Mixin
    OverwriteOption overwrite;

    @Option(names = "--rules", split = ",", defaultValue = "bp,fa,pepita,pepita-wm",
            description = "Rules to train, comma-separated. Default: ${DEFAULT-VALUE}")
    List<String> rules;

    @Option(names = "--lr", description = "Initial learning rate per rule, e.g. --lr pepita=0.01 (repeatable). "
            + "Defaults: bp=0.01, fa=0.01, pepita=0.01, pepita-wm=0.01")
    Map<String, Double> learningRates = new LinkedHashMap<>();

    @Option(names = "--epochs", description = "Epochs. Default: 8; with --protocol the paper's 100")
    Integer epochs;

    @Option(names = "--decay-epochs", split = ",", defaultValue = "5,7",
            description = "Multiply the learning rate by --decay-factor after these epochs. Default: ${DEFAULT-VALUE}")
    List<Integer> decayEpochs;

    @Option(names = "--decay-factor", defaultValue = "0.1", description = "Default: ${DEFAULT-VALUE}")
    double decayFactor;

    @Option(names = "--batch-size", defaultValue = "64", description = "Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--momentum", defaultValue = "0.9", description = "Default: ${DEFAULT-VALUE}")
    double momentum;

    @Option(names = "--hidden", defaultValue = "1024", description = "Hidden units. Default: ${DEFAULT-VALUE}")
    int hidden;

    @Option(names = "--train-size", description = "Use the first N training images. Default: 60000 (with --protocol: all)")
    Integer trainSize;

    @Option(names = "--test-size", description = "Use the first N test images. Default: 10000 (with --protocol: all)")
    Integer testSize;

    @Option(names = "--protocol", description = "Run the rows of one of the paper's experiments instead: table1, table2, "
            + "fig3 or tableS1 (docs/images.md, \"Deeper networks\"). Needs --data.")
    String protocol;

    @Option(names = "--data", description = "With --protocol: the directory of the datasets (MNIST IDX files, CIFAR-10 "
            + "cifar-10-batches-bin, CIFAR-100 cifar-100-binary; each directly in DIR or in DIR/mnist, DIR/<archive folder>)")
    Path data;

    @Option(names = "--stand-in", description = "With --protocol: run every row on this dataset (mnist, fashion-mnist, "
            + "cifar10, cifar100) instead of the row's own; the output says so")
    String standIn;

    @Option(names = "--seeds", defaultValue = "1",
            description = "With --protocol: seeds 1..N per row (mean +- s.e.). Default: ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--rows", split = ",", description = "With --protocol: run only these rows (numbers as in the table). Default: all")
    List<Integer> rowNumbers;

    @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--threads", defaultValue = "2",
            description = "Worker threads (results do not depend on it). Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--normalize", defaultValue = "unit",
            description = "unit (pixel/255) or standard (z-score with the training mean/std). Default: ${DEFAULT-VALUE}")
    String normalize;

    @Option(names = "--feedback-scale", defaultValue = "0.05", description = "F = scale * U(+-sqrt(6/784)). Default: ${DEFAULT-VALUE}")
    double feedbackScale;

    @Option(names = "--modulation-sign", defaultValue = "-1",
            description = "s in x~ = x + s F e (-1: ICLR 2024, +1: ICML 2022). Default: ${DEFAULT-VALUE}")
    double modulationSign;

    @Option(names = "--last-layer", defaultValue = "modulated", description = "PEPITA's W2 update uses the modulated (h~) or first-pass "
            + "(h) activity: modulated|first. Default: ${DEFAULT-VALUE}")
    String lastLayer;

    @Option(names = "--wm-noise", defaultValue = "1.0", description = "Mirroring noise std a. Default: ${DEFAULT-VALUE}")
    double wmNoise;

    @Option(names = "--wm-eta", defaultValue = "0.0003", description = "Mirroring step size. Default: ${DEFAULT-VALUE}")
    double wmEta;

    @Option(names = "--wm-decay", defaultValue = "0.0", description = "Mirroring decay lambda_wm. Default: ${DEFAULT-VALUE}")
    double wmDecay;

    @Option(names = "--wm-steps", defaultValue = "1", description = "Mirroring steps per learning step. Default: ${DEFAULT-VALUE}")
    int wmSteps;

    @Option(names = "--wm-batch", defaultValue = "64", description = "Noise vectors per mirroring step. Default: ${DEFAULT-VALUE}")
    int wmBatch;

    @Option(names = "--wm-rescale", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Rescale F to its initial norm after each mirroring step. Default: ${DEFAULT-VALUE}")
    boolean wmRescale;

    @Option(names = "--target-accuracy", defaultValue = "0.80",
            description = "Report the first epoch reaching this test accuracy. Default: ${DEFAULT-VALUE}")
    double targetAccuracy;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** Default learning rates (see docs/images.md for why). */
    static final Map<String, Double> DEFAULT_LR = java.util.Arrays.stream(TwoLayerRuleName.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(TwoLayerRuleName::configName, r -> 0.01));

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (protocol != null) {
            return new ProtocolRun(this).call(err);
        }
        // hostile trial (issue 27): --rows 99 without --protocol was ignored and a whole default training ran
        String protocolOnly = rowNumbers != null ? "--rows" : standIn != null ? "--stand-in" : data != null ? "--data"
                : seeds != 1 ? "--seeds" : null;
        if (protocolOnly != null) {
            err.println("pepita train-images: option '" + protocolOnly + "' works only with --protocol (table1, table2, fig3, "
                    + "tableS1); without it, it would be ignored: add --protocol or drop " + protocolOnly);
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        if (epochs == null) {
            epochs = 8;
        }
        if (trainSize == null) {
            trainSize = 60000;
        }
        if (testSize == null) {
            testSize = 10000;
        }
        ImageTrainingConfig config;
        FashionMnist.Split data;
        try {
            config = config().checkMemory(Runtime.getRuntime().maxMemory());
            ThreadCount.check(threads);
            OutputDirectory.checkFresh(out, overwrite.overwrite);
            data = FashionMnist.load(dataDir, Normalization.valueOf(normalize.toUpperCase(java.util.Locale.ROOT)));
            // issue 27: --train-size 1000000 trained on 60000 and recorded 1000000 in config.json
            if (config.trainSize() > data.train().count()) {
                throw new IllegalArgumentException("--train-size: at most " + data.train().count() + ", the training images in "
                        + dataDir + " (got " + config.trainSize() + ")");
            }
            if (config.testSize() > data.test().count()) {
                throw new IllegalArgumentException("--test-size: at most " + data.test().count() + ", the test images in "
                        + dataDir + " (got " + config.testSize() + ")");
            }
        } catch (IllegalArgumentException | ConfigException | DatasetMissingException | IOException e) {
            err.println("pepita train-images: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        OutputDirectory staged = OutputDirectory.open(out);
        Path tmp = staged.stage();
        try (BatchMatmul mm = new BatchMatmul(threads)) {
            ResultsWriter.writeConfig(tmp, config, Version.recorded(), String.join(" ", RunDirectory.commandLine(spec)));
            Trainer trainer = new Trainer(config, mm, quiet ? TrainingProgress.NONE : progressBars(err));
            List<List<EpochMetrics>> perRule = new ArrayList<>();
            List<RuleSummary> summaries = new ArrayList<>();
            var train = data.train().head(config.trainSize());
            var test = data.test().head(config.testSize());
            // Rows also go to a partial file in the temporary directory as they come, so a run that is stopped
            // still leaves its finished epochs behind (in .<out>.partial-*/metrics.partial.csv, never in --out;
            // the next run removes it once its process is gone).
            Path partial = tmp.resolve("metrics.partial.csv");
            Files.writeString(partial, ResultsWriter.METRICS_HEADER + "\n");
            for (TwoLayerRuleName rule : config.ruleNames()) {
                List<EpochMetrics> rows = trainer.train(rule, train, test, m -> {
                    try {
                        Files.writeString(partial, ResultsWriter.metricsLine(m), java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (!quiet) {
                        err.printf(java.util.Locale.ROOT, "%s epoch %d: test accuracy %.4f, angle %.1f deg, %.1f s%n",
                                m.rule(), m.epoch(), m.testAccuracy(), m.angleDeg(), m.seconds());
                        err.flush();
                    }
                });
                perRule.add(rows);
                summaries.add(RuleSummary.of(rows, config.learningRate(rule), config.targetAccuracy()));
            }
            Files.delete(partial);
            ResultsWriter.writeMetrics(tmp, perRule, threads);
            String table = ResultsWriter.writeSummary(tmp, summaries, config);
            writeFigure(tmp, perRule, config);
            staged.commit();
            System.out.print(table);
            System.out.flush();
            return 0;
        } catch (DivergedException e) {
            staged.abandon();
            err.println("pepita train-images: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_DIVERGED;
        } catch (IOException | java.io.UncheckedIOException e) {
            staged.abandon();
            err.println("pepita train-images: cannot write to " + out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        } catch (RuntimeException | Error e) {
            staged.abandon();
            throw e;
        }
    }

    /** The command line as recorded in the outputs. */
    String commandLine() {
        return String.join(" ", RunDirectory.commandLine(spec));
    }

    /** DIR/training.png|svg|pdf, DIR/training.ipynb and DIR/data/<rule>.csv, through the plots module. */
    private void writeFigure(Path dir, List<List<EpochMetrics>> perRule, ImageTrainingConfig config) throws IOException {
        List<TrainingCurvesFigure.RuleCurve> curves = new ArrayList<>();
        for (List<EpochMetrics> rows : perRule) {
            int n = rows.size();
            double[] epoch = new double[n], accuracy = new double[n], angle = new double[n];
            for (int i = 0; i < n; i++) {
                epoch[i] = rows.get(i).epoch();
                accuracy[i] = rows.get(i).testAccuracy();
                angle[i] = rows.get(i).angleDeg();
            }
            curves.add(new TrainingCurvesFigure.RuleCurve(rows.get(0).rule(), epoch, accuracy, angle));
        }
        List<String> parameters = List.of(
                "dataset: " + config.dataset() + ", " + config.trainSize() + " training and " + config.testSize() + " test images",
                "network 784-" + config.hidden() + "-10, batch " + config.batchSize() + ", momentum " + config.momentum()
                        + ", " + config.epochs() + " epochs, seed " + config.seed(),
                "the full configuration is config.json; per-epoch numbers of every rule are metrics.csv");
        FigureRunner.write("training", "Test accuracy per epoch of each rule on " + config.dataset()
                        + ", and the angle between PEPITA's feedback matrix F and the end-to-end transposed weights",
                TrainingCurvesFigure.build(curves, parameters), Map.of(), Version.recorded(),
                String.join(" ", RunDirectory.commandLine(spec)), dir);
    }

    /** One {@link ProgressBar} per rule on stderr, counting batches. */
    private static TrainingProgress progressBars(PrintWriter err) {
        return new TrainingProgress() {
            private ProgressBar bar;
            private String current;

            @Override
            public void batchDone(String rule, long done, long total) {
                if (!rule.equals(current)) {
                    current = rule;
                    bar = new ProgressBar("train-images " + rule, "batches", total, err, ProgressBar.consoleAttached());
                }
                bar.update(done);
            }

            @Override
            public void ruleDone(String rule) {
                if (bar != null) {
                    bar.finish();
                }
                current = null;
            }
        };
    }

    /** The resolved, validated configuration. */
    ImageTrainingConfig config() {
        Map<String, Double> lr = new LinkedHashMap<>(DEFAULT_LR);
        lr.putAll(learningRates);
        if (!normalize.equals("unit") && !normalize.equals("standard")) {
            throw new IllegalArgumentException("--normalize: invalid value '" + normalize + "' (allowed: unit, standard)");
        }
        if (!lastLayer.equals("modulated") && !lastLayer.equals("first")) {
            throw new IllegalArgumentException("--last-layer: invalid value '" + lastLayer + "' (allowed: modulated, first)");
        }
        return new ImageTrainingConfig(dataset, rules, hidden, epochs, batchSize, momentum, lr, decayEpochs, decayFactor,
                trainSize, testSize, seed, Normalization.valueOf(normalize.toUpperCase(java.util.Locale.ROOT)),
                feedbackScale, modulationSign, lastLayer.equals("modulated"),
                new WeightMirror.Settings(wmNoise, wmEta, wmDecay, wmSteps, wmBatch, wmRescale), targetAccuracy).validate();
    }
}
