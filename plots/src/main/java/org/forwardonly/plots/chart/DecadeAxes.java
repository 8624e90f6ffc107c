package org.forwardonly.plots.chart;

import org.forwardonly.plots.style.FigureStyle;
import org.forwardonly.plots.style.LabelMarkup;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/**
 * Axes of the figures' panels. A logarithmic axis spans the data and 4 % of its width either side
 * (not whole decades far past the data), with the ticks of {@link LogTicks}: labelled decades
 * written 10⁻² when three decades or more lie inside it, labelled 1, 2, 5 × 10ᵏ in decimals otherwise. A
 * linear axis spans the data and 4 % either side, with JFreeChart's automatic tick choice.
 */
public final class DecadeAxes {
    private DecadeAxes() {}

    /**
     * An axis for data spanning [min, max] (positive values only count on a log axis).
     *
     * @param label axis label in the project's markup (ε_g, σ_F)
     * @param log   logarithmic axis
     * @param min   smallest value to show (the smallest positive value for a log axis)
     * @param max   largest value to show
     */
    public static ValueAxis axis(String label, boolean log, double min, double max) {
        ValueAxis axis;
        if (log) {
            // the data's range and 4 % of its width (in log10) either side: no empty decades; at least
            // half a decade, centred on the data, so that a nearly flat curve still gets labelled ticks
            double span = Math.log10(max / min);
            double pad = span >= 0.5 ? 0.04 * span : (0.5 - Math.max(span, 0)) / 2;
            double lo = min * Math.pow(10, -pad), hi = Math.max(max, min) * Math.pow(10, pad);
            DecadeLogAxis a = new DecadeLogAxis();
            a.setRange(lo, hi);
            axis = a;
        } else {
            NumberAxis a = new NumberAxis();
            a.setAutoRangeIncludesZero(false);
            // JFreeChart's tick choice, written with a real minus sign (−0.2, not -0.2)
            java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT);
            symbols.setMinusSign('\u2212');
            a.setStandardTickUnits(new org.jfree.chart.axis.NumberTickUnitSource(false,
                    new java.text.DecimalFormat("0.##########", symbols)));
            double pad = (max > min) ? 0.04 * (max - min) : Math.max(1e-3, Math.abs(max) * 0.1);
            a.setRange(min - pad, max + pad);
            axis = a;
        }
        axis.setTickMarksVisible(true);
        axis.setTickMarkInsideLength(0);
        axis.setTickMarkOutsideLength(5);
        axis.setTickMarkPaint(java.awt.Color.DARK_GRAY);
        axis.setTickMarkStroke(new java.awt.BasicStroke(1f));
        axis.setAttributedLabel(LabelMarkup.attributed(label, FigureStyle.axisLabelFont()));
        axis.setLabelFont(FigureStyle.axisLabelFont());
        axis.setTickLabelFont(FigureStyle.tickFont());
        axis.setTickLabelInsets(new org.jfree.chart.ui.RectangleInsets(3, 4, 3, 5));
        return axis;
    }
}
