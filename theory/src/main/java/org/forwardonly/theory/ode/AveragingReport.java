package org.forwardonly.theory.ode;

/**
 * What the exact engine's averaging did in one run (docs/model.md §8), for config.json and the
 * progress line.
 *
 * @param method                 "closedForm", "tensor" or "sobol"
 * @param points                 a description of the point set (of the full pool for sobol)
 * @param samples                Sobol points per replicate (0 for the other methods)
 * @param replicates             independently scrambled replicates pooled, those the tolerance asked for
 *                               included (1 for the other methods)
 * @param relativeErrorEpsG      estimated relative error of ε_g, the largest over the sampled times (a 95 %
 *                               bound on the pool's random error plus its estimated bias, {@link ReplicatedIntegration});
 *                               NaN when not estimated (closed forms, tensor grids)
 * @param timeOfLargestError     where that largest error was seen (NaN when not estimated)
 * @param tolerance              the target it was held to ({@code averaging.tolerance}; NaN when not estimated)
 */
public record AveragingReport(String method, String points, int samples, int replicates,
                              double relativeErrorEpsG, double timeOfLargestError, double tolerance) {

    /** The report of an engine without a run-time error estimate. */
    public static AveragingReport unestimated(String method, String points) {
        return new AveragingReport(method, points, 0, 1, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Whether the estimate met the tolerance (true when there is no estimate to hold to one). */
    public boolean toleranceMet() {
        return Double.isNaN(tolerance) || relativeErrorEpsG <= tolerance; // a NaN estimate meets no target
    }
}
