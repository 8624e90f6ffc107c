package org.forwardonly.plots.training;

import org.forwardonly.plots.catalogue.FigureData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingCurvesFigureTest {
    private static final double NaN = Double.NaN;

    @Test
    void accuracyForEveryRuleAndAnglesOnlyWhereThereIsAnF() {
        FigureData f = TrainingCurvesFigure.build(List.of(
                new TrainingCurvesFigure.RuleCurve("bp", new double[] {0, 1, 2}, new double[] {0.1, 0.8, 0.85}, new double[] {NaN, NaN,
                        NaN}),
                new TrainingCurvesFigure.RuleCurve("pepita-wm", new double[] {0, 1, 2}, new double[] {0.1, 0.7, 0.8}, new double[] {90,
                        45, 50})),
                List.of("a parameter"));
        assertEquals(List.of("accuracy_bp", "accuracy_pepita-wm", "angle_pepita-wm"), List.copyOf(f.tables().keySet()));
        assertEquals(2, f.plot().panels().size());
        assertEquals(2, f.plot().panels().get(0).series().size());      // accuracy: both rules
        assertEquals(1, f.plot().panels().get(1).series().size());      // angle: pepita-wm only
        assertEquals("pepita-wm", f.plot().panels().get(1).series().get(0).label());
        // accuracy from epoch 1 (chance level at epoch 0 left out), angles from epoch 0
        assertEquals(List.of(1.0, 2.0), java.util.Arrays.stream(f.tables().get("accuracy_pepita-wm").column("epoch")).boxed().toList());
        assertEquals(0.8, f.tables().get("accuracy_pepita-wm").column("test_accuracy")[1], 0.0);
        assertEquals(90, f.tables().get("angle_pepita-wm").column("angle_deg")[0], 0.0);
    }

    @Test
    void noAnglePanelWithoutFeedbackMatrices() {
        FigureData f = TrainingCurvesFigure.build(List.of(
                new TrainingCurvesFigure.RuleCurve("fa", new double[] {0, 1}, new double[] {0.1, 0.8}, new double[] {NaN, NaN})),
                List.of());
        assertEquals(1, f.plot().panels().size());
    }
}
