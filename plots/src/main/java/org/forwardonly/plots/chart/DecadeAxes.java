package org.forwardonly.plots.chart;

import org.forwardonly.plots.style.FigureStyle;
import org.forwardonly.plots.style.LabelMarkup;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Axes of the learning-curve panels. A logarithmic axis spans whole decades (its ends are powers
 * of ten enclosing the data) with a labelled tick and a gridline at every decade, written 10⁻²;
 * a linear axis uses JFreeChart's automatic tick choice.
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
            LogAxis a = new LogAxis();
            a.setBase(10);
            a.setBaseSymbol("10");
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
            symbols.setMinusSign('\u2212');
            a.setTickUnit(new NumberTickUnit(1.0, new DecimalFormat("0", symbols)), false, false);
            a.setAutoTickUnitSelection(false);
            a.setSmallestValue(1e-300);
            double lo = Math.pow(10, Math.floor(Math.log10(min)));
            double hi = Math.pow(10, Math.ceil(Math.log10(max)));
            if (!(hi > lo)) hi = lo * 10;
            // a hair wider than the decades, so that rounding in LogAxis keeps the end ticks
            a.setRange(lo * (1 - 1e-9), hi * (1 + 1e-9));
            axis = a;
        } else {
            NumberAxis a = new NumberAxis();
            a.setAutoRangeIncludesZero(false);
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
        return axis;
    }
}
