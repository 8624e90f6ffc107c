package org.forwardonly.plots.catalogue;

/** How big the runs behind a figure are. */
public enum FigureSize {
    /** The documented figures: larger N, more seeds, longer times (minutes for the whole catalogue). */
    DEFAULT,
    /** Small N, few seeds, short times: every figure in about a minute, for CI and smoke tests. */
    QUICK
}
