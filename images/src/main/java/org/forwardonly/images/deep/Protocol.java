package org.forwardonly.images.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.forwardonly.images.deep.DeepRuleName.BP;
import static org.forwardonly.images.deep.DeepRuleName.DFA;
import static org.forwardonly.images.deep.DeepRuleName.FA;
import static org.forwardonly.images.deep.DeepRuleName.FF;
import static org.forwardonly.images.deep.DeepRuleName.PEPITA;
import static org.forwardonly.images.deep.DeepRuleName.PEPITA_HEBBIAN;
import static org.forwardonly.images.deep.DeepRuleName.PEPITA_TL;
import static org.forwardonly.images.deep.DeepRuleName.PEPITA_WM;

/**
 * The rows of the paper's image tables (Srinivasan et al., ICLR 2024): which dataset, depth, rule and
 * options each row trains. Every row starts from {@link DeepConfig#paper}; weight decay is 1e-4 where the
 * row uses it. The published accuracies are not in docs/paper.md (its source list did not give them), so the
 * tables print "–" in their "paper" column: docs/images.md.
 */
public enum Protocol {
    /** Table 1: MNIST, one hidden layer, every rule (and bp for reference). */
    TABLE1,
    /** Table 2: PEPITA with weight decay, activation normalisation and weight mirroring, 3 datasets, depths 1-3. */
    TABLE2,
    /** Fig. 3: CIFAR-10, PEPITA at depths 1-3 with weight decay; PEPITA+WM with and without pre-mirroring. */
    FIG3,
    /** Table S1: three hidden layers, 3 datasets. */
    TABLES1;

    /** Weight decay where the paper uses it. */
    public static final double WEIGHT_DECAY = 1e-4;
    /** Mirroring steps before training for the pre-mirrored rows (chosen: docs/images.md). */
    public static final int PRE_MIRROR_STEPS = 1000;

    /** One row: its number in the table (from 1), label, dataset and configuration (seed 1; the runner sets the seed). */
    public record Row(int number, String label, String dataset, DeepConfig config) {
        /** The same row on another dataset (a stand-in). */
        public Row on(String otherDataset) {
            return new Row(number, label, otherDataset, config);
        }
    }

    /** The command-line name. */
    public String cliName() {
        return this == TABLES1 ? "tableS1" : name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name. */
    public static Protocol parse(String name) {
        for (Protocol p : values()) {
            if (p.cliName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--protocol: invalid value '" + name + "' (allowed: table1, table2, fig3, tableS1)");
    }

    /** The datasets the rows use. */
    public List<String> datasets() {
        return rows().stream().map(Row::dataset).distinct().toList();
    }

    private static void row(List<Row> rows, String label, String dataset, DeepConfig config) {
        rows.add(new Row(rows.size() + 1, label, dataset, config));
    }

    /** The rows, in table order. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        switch (this) {
            case TABLE1 -> {
                for (DeepRuleName rule : List.of(BP, FA, DFA, FF, PEPITA, PEPITA_HEBBIAN, PEPITA_WM, PEPITA_TL)) {
                    row(rows, rule.configName(), "mnist", DeepConfig.paper(rule, 1, 1));
                }
            }
            case TABLE2 -> {
                for (String ds : List.of("mnist", "cifar10", "cifar100")) {
                    for (int depth = 1; depth <= 3; depth++) {
                        DeepConfig base = DeepConfig.paper(PEPITA, depth, 1);
                        row(rows, PEPITA.configName(), ds, base);
                        row(rows, "pepita + wd", ds, base.with(PEPITA, WEIGHT_DECAY, false, 0));
                        row(rows, "pepita + wd + norm", ds, base.with(PEPITA, WEIGHT_DECAY, true, 0));
                        row(rows, "pepita + wd + norm + wm", ds, base.with(PEPITA_WM, WEIGHT_DECAY, true, 0));
                    }
                }
            }
            case FIG3 -> {
                for (int depth = 1; depth <= 3; depth++) {
                    DeepConfig base = DeepConfig.paper(PEPITA, depth, 1);
                    row(rows, "pepita + wd", "cifar10", base.with(PEPITA, WEIGHT_DECAY, false, 0));
                    row(rows, "pepita + wd + wm", "cifar10", base.with(PEPITA_WM, WEIGHT_DECAY, false, 0));
                    row(rows, "pepita + wd + wm, pre-mirrored", "cifar10",
                            base.with(PEPITA_WM, WEIGHT_DECAY, false, PRE_MIRROR_STEPS));
                }
            }
            case TABLES1 -> {
                for (String ds : List.of("mnist", "cifar10", "cifar100")) {
                    for (DeepRuleName rule : List.of(BP, FA, DFA, PEPITA, PEPITA_WM)) {
                        row(rows, rule.configName() + " + wd", ds, DeepConfig.paper(rule, 3, 1).with(rule, WEIGHT_DECAY, false, 0));
                    }
                }
            }
        }
        return rows;
    }
}
