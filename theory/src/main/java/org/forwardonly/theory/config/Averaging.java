package org.forwardonly.theory.config;

/**
 * How the exact engine averages a rule's increments over the Gaussian local fields
 * (docs/model.md §8), the config's {@code averaging} object.
 *
 * @param method     {@code tensor} (Gauss-Hermite product grid, {@code quadraturePoints} per field),
 *                   {@code sobol} (scrambled Sobol points, {@code samples} per replicate), or
 *                   {@code auto} (tensor where it is small and the activations are smooth, else sobol)
 * @param samples    Sobol points per replicate (a power of two keeps the points balanced)
 * @param replicates independent scramblings integrated first, each as its own trajectory; the run
 *                   reports their mean and, from their spread, an error estimate
 * @param tolerance  target relative error of ε_g: while the estimate exceeds it, replicates are
 *                   added (half of those the estimate says are missing, at least a pair, then it looks again), up to
 *                   {@code maxReplicates}
 * @param maxReplicates the most replicates a run may integrate
 * @param controlVariate on Sobol points, average only PEPITA's departure from its first-order
 *                   (afa) increments and add the afa drift in closed form, where closed forms
 *                   exist (pepita with erf or linear): the same limit, a much smaller error
 * @param extrapolate integrate each replicate also on the first half of its points and report
 *                   2·(n points) − (n/2 points), which removes a bias of order 1/n in the
 *                   trajectory; off by default: near a plateau the bias of a noisy drift is not yet
 *                   of that order at affordable n (measured, docs/exact-pepita.md §7), and it costs
 *                   1.5× and doubles the variance
 * @param rtol       the relative tolerance of each Sobol replicate's adaptive integrator, or NaN for the
 *                   default max(config rtol, tolerance / 100) (see {@link #integratorRtol})
 * @param integrator the adaptive integrator of each Sobol replicate: {@code dp54}, {@code dp853}, or
 *                   {@code auto} (see {@link #replicateIntegrator})
 */
public record Averaging(String method, int samples, int replicates, double tolerance, int maxReplicates,
                        boolean controlVariate, boolean extrapolate, double rtol, String integrator) {

    /**
     * The defaults: auto, 512 samples, 8 replicates first, tolerance 1e-3, at most 128 replicates,
     * control variate on. Eight replicates give the error estimate 7 degrees of freedom (with 4, a
     * true error 3× the estimate is not rare; measured, docs/exact-pepita.md); at large K + M the
     * error falls as 1/√(all points), so 8 × 512 costs what 4 × 1024 does.
     */
    public static final Averaging DEFAULT = new Averaging("auto", 512, 8, 1e-3, 128, true, false, Double.NaN, "auto");

    /** The divisor of {@code tolerance} that gives a replicate's default integrator tolerance. */
    public static final double RTOL_PER_TOLERANCE = 100;

    /** This setting with another number of points per replicate. */
    public Averaging withSamples(int n) {
        return new Averaging(method, n, replicates, tolerance, maxReplicates, controlVariate, extrapolate, rtol, integrator);
    }

    /** The loosest replicate tolerance at which {@code auto} still takes dp853 is below this: from it up, dp54. */
    public static final double DP54_FROM_RTOL = 1e-6;

    /**
     * The adaptive integrator of a Sobol replicate integrated at relative tolerance {@code replicateRtol}:
     * {@code integrator} when set, else ({@code auto}) dp54 from {@value #DP54_FROM_RTOL} up and dp853 below.
     * Measured on the same points against a dp853 run at 1e-11 (docs/exact-pepita.md §7): at 1e-5, dp54
     * took 157 right-hand sides where dp853 took 181 on bp at K = M = 4 to t = 30, with an error of ε_g of
     * 2.8e-5 against dp853's 6.8e-4 (to t = 200: 445 vs 631, 9.8e-5 vs 4.2e-3); 205 vs 316 on pepita at
     * K = M = 10; 157 vs 691 on ReLU pepita at K = M = 4. dp853's error estimate is built for tight
     * tolerances: at loose ones its long steps cross a plateau's escape with errors far above rtol.
     * At 1e-9 dp853 is the cheaper of the two.
     */
    public String replicateIntegrator(double replicateRtol) {
        if (!"auto".equals(integrator)) return integrator;
        return replicateRtol >= DP54_FROM_RTOL ? "dp54" : "dp853";
    }

    /**
     * The relative tolerance the adaptive integrator integrates each Sobol replicate with: {@code rtol} when set, else
     * max(configRtol, tolerance / {@value #RTOL_PER_TOLERANCE}). A replicate's trajectory carries a
     * statistical error of about √replicates × tolerance, so integrating it far more finely than the
     * mean's target buys nothing. The divisor is 100, not 10: an integrator's global error is not bounded
     * by its local rtol, and near a plateau escape it is amplified (bp at K = M = 4 through this engine,
     * dp853: 1.9e-3 at rtol 1e-4, 5.0e-5 at 1e-5; docs/model.md §8).
     */
    public double integratorRtol(double configRtol) {
        return Double.isNaN(rtol) ? Math.max(configRtol, tolerance / RTOL_PER_TOLERANCE) : rtol;
    }
}
