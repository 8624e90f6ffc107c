package org.forwardonly.plots.training;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.Palette;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figure of a training run on real data ({@code pepita train-images}): test accuracy against
 * epoch, one line per rule, and, for the rules that have a feedback matrix F, the angle between F
 * and the network's end-to-end transposed weights against epoch. Each rule's numbers are tables
 * {@code data/accuracy_<rule>.csv} (epoch, test_accuracy; from epoch 1) and, where the rule has an F,
 * {@code data/angle_<rule>.csv} (epoch, angle_deg; from epoch 0).
 */
public final class TrainingCurvesFigure {
    private TrainingCurvesFigure() {}

    /**
     * One rule's curve.
     *
     * @param rule         rule name (bp, fa, pepita, pepita-wm)
     * @param epoch        epochs (0 = before training)
     * @param testAccuracy test accuracy in [0, 1] after each epoch
     * @param angleDeg     angle of F to (W2 W1)ᵀ in degrees, NaN where the rule has no F
     */
    public record RuleCurve(String rule, double[] epoch, double[] testAccuracy, double[] angleDeg) {}

    /** The figure of {@code curves} (in the order given), with the notebook's parameter bullets. */
    public static FigureData build(List<RuleCurve> curves, List<String> parameters) {
        Map<String, DataTable> tables = new LinkedHashMap<>();
        List<PlotSeries> accuracy = new ArrayList<>(), angle = new ArrayList<>();
        for (RuleCurve c : curves) {
            // accuracy from epoch 1: the untrained network's chance level would flatten the differences
            List<double[]> acc = new ArrayList<>(), ang = new ArrayList<>();
            for (int i = 0; i < c.epoch().length; i++) {
                if (c.epoch()[i] >= 1) acc.add(new double[] {c.epoch()[i], c.testAccuracy()[i]});
                if (Double.isFinite(c.angleDeg()[i])) ang.add(new double[] {c.epoch()[i], c.angleDeg()[i]});
            }
            String colour = colour(c.rule());
            boolean dashed = c.rule().endsWith("-wm");
            String accTable = "accuracy_" + c.rule();
            tables.put(accTable, DataTable.of(List.of("epoch", "test_accuracy"), acc.toArray(new double[0][])));
            accuracy.add(new PlotSeries(FigureData.csv(accTable), "epoch", "test_accuracy", null, c.rule(), colour,
                    PlotSeries.Style.LINE, dashed));
            if (!ang.isEmpty()) {
                String angTable = "angle_" + c.rule();
                tables.put(angTable, DataTable.of(List.of("epoch", "angle_deg"), ang.toArray(new double[0][])));
                angle.add(new PlotSeries(FigureData.csv(angTable), "epoch", "angle_deg", null, c.rule(), colour,
                        PlotSeries.Style.LINE, dashed));
            }
        }
        List<PlotPanel> panels = new ArrayList<>();
        panels.add(new PlotPanel("test accuracy", "epoch", "test accuracy", false, false, accuracy));
        if (!angle.isEmpty()) panels.add(new PlotPanel("alignment of F", "epoch", "∠(F, (W₂W₁)ᵀ) [°]", false, false, angle));
        return new FigureData(tables, new PlotFigure("training on real data", panels.size(), panels), parameters);
    }

    /** pepita with mirroring shares pepita's colour (drawn dashed). */
    private static String colour(String rule) {
        return Palette.forRule(rule.endsWith("-wm") ? rule.substring(0, rule.length() - 3) : rule).hex();
    }
}
