package org.forwardonly.plots.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

/** A base-10 {@link LogAxis} whose ticks and labels are {@link LogTicks}'s. */
final class DecadeLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    DecadeLogAxis() {
        setBase(10);
        setSmallestValue(1e-300);
        setAutoTickUnitSelection(false);
        setMinorTickMarksVisible(true);
        setMinorTickMarkOutsideLength(3);
        setMinorTickMarkInsideLength(0);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    private List<LogTick> ticks(TextAnchor anchor) {
        List<LogTick> out = new ArrayList<>();
        for (LogTicks.Tick t : LogTicks.of(getLowerBound(), getUpperBound())) {
            AttributedString label = null;
            if (t.labelled()) {
                label = new AttributedString(t.label());
                label.addAttributes(getTickLabelFont().getAttributes(), 0, t.label().length());
                label.addAttribute(TextAttribute.FOREGROUND, getTickLabelPaint());
            }
            out.add(new LogTick(t.labelled() ? TickType.MAJOR : TickType.MINOR, t.value(), label, anchor));
        }
        return out;
    }
}
