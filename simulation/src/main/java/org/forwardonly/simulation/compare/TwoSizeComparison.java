package org.forwardonly.simulation.compare;

import org.forwardonly.simulation.mirroring.WeightMirroring;
import org.forwardonly.simulation.training.Progress;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.SampleTimes;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Theory against simulation at two input dimensions, N and a smaller N_low, with the same seeds,
 * times and config otherwise, so that the O(1/N) finite-size bias can be removed from the paired
 * differences by extrapolating them linearly in 1/N to 1/N = 0 (docs/simulation.md):
 *
 * <pre>
 *   e_s = (N d_s(N) − N_low d_s(N_low)) / (N − N_low)
 * </pre>
 *
 * where d_s(N) = sim − ode of seed s at N, each seed's ODE started from that run's own initial
 * order parameters. If E d(N) = D + b/N + O(1/N²), then E e_s = D + O(1/(N N_low)): the bias b/N
 * cancels and what is left is the theory's error D. Seed s at N and at N_low form one unit, so
 * the e_s are independent across seeds.
 *
 * @param nHigh the config's N
 * @param high the comparison at N
 * @param nLow the smaller input dimension
 * @param low the comparison at N_low
 */
public record TwoSizeComparison(int nHigh, TheoryComparison high, int nLow, TheoryComparison low) {

    /** Checks the two comparisons line up. */
    public TwoSizeComparison {
        if (nLow >= nHigh || nLow < 1) throw new IllegalArgumentException("need 1 <= N_low < N (got " + nLow + ", " + nHigh + ")");
        if (!high.columns().equals(low.columns()) || high.differences().length != low.differences().length) {
            throw new IllegalArgumentException("the two comparisons differ in columns or seeds");
        }
    }

    /**
     * The default N_low: N/4 (the extrapolation weighs the two runs 4/3 and −1/3, so its noise is 1.5 times that of N
     * alone, against 2.4 times for N/2).
     */
    public static int defaultLowN(int N) {
        return N / 4;
    }

    /** The config with N replaced (every other key kept). */
    public static ExperimentConfig withN(ExperimentConfig config, int N) {
        ObjectNode json = ConfigParser.toJson(config);
        json.put("N", N);
        return ConfigParser.parse(json);
    }

    /**
     * Simulates {@code simConfig} at its N and at {@code nLow} (weight mirroring when the config
     * asks for it) and compares both with the ODE of {@code odeConfig} from every run's own start.
     */
    public static TwoSizeComparison run(ExperimentConfig simConfig, ExperimentConfig odeConfig, int nLow, int threads,
                                        Progress progress) {
        ExperimentConfig lowConfig = withN(simConfig, nLow);
        double[] times = SampleTimes.of(simConfig);
        Simulation.Result hi = Simulation.run(simConfig, times, threads, WeightMirroring.perSeed(simConfig), progress);
        Simulation.Result lo = Simulation.run(lowConfig, times, threads, WeightMirroring.perSeed(lowConfig), progress);
        return of(odeConfig, hi, simConfig.N(), lo, nLow);
    }

    /**
     * Lines up two simulations of the same config at N and N_low with the ODE of {@code odeConfig},
     * with the ODE's rate sensitivities (so that {@link #rateScores()} exists; three ODEs per seed
     * and size instead of one).
     */
    public static TwoSizeComparison of(ExperimentConfig odeConfig, Simulation.Result high, int nHigh,
                                       Simulation.Result low, int nLow) {
        return of(odeConfig, high, nHigh, low, nLow, true);
    }

    /**
     * As {@link #of(ExperimentConfig, Simulation.Result, int, Simulation.Result, int)}; with
     * {@code rateScores} false the rate sensitivities are not integrated (one ODE per seed and size;
     * the verdict then tests the components only).
     */
    public static TwoSizeComparison of(ExperimentConfig odeConfig, Simulation.Result high, int nHigh,
                                       Simulation.Result low, int nLow, boolean rateScores) {
        return new TwoSizeComparison(nHigh, TheoryComparison.of(odeConfig, high, nHigh, rateScores), nLow,
                TheoryComparison.of(odeConfig, low, nLow, rateScores));
    }

    /** The times both comparisons cover (fewer than asked when an ODE diverged). */
    public int times() {
        return Math.min(high.times().length, low.times().length);
    }

    /** The extrapolated differences e[seed][time][column] (see the class comment). */
    public double[][][] extrapolated() {
        return extrapolate(false);
    }

    /**
     * The drift-aligned extrapolated differences a[seed][time][column]: each size's difference
     * times the direction its own ODE moves that column from that run's start, then extrapolated
     * as e is,
     *
     * <pre>
     *   a_s = (N g_s(N) d_s(N) − N_low g_s(N_low) d_s(N_low)) / (N − N_low),   g = sign(ode_s(t) − ode_s(0))
     * </pre>
     *
     * The runs at N and N_low of one seed start from different draws (the weights are drawn at
     * each N), so each size uses its own g. Given the starts, g is fixed, so a has mean zero
     * whenever e has, and flipping the sign of a seed's noise flips e and a together: the
     * sign-flip test stays exact for the joint vector (e, a). A rate error (η, η_v) makes the
     * simulation run ahead of or behind its ODE along the ODE's own motion, so a has one sign
     * across seeds even where e's sign follows the seed's start and cancels in the seed mean.
     */
    public double[][][] aligned() {
        return extrapolate(true);
    }

    private double[][][] extrapolate(boolean aligned) {
        int S = high.differences().length, T = times(), C = high.columns().size();
        double wHi = (double) nHigh / (nHigh - nLow), wLo = (double) nLow / (nHigh - nLow);
        double[][][] e = new double[S][T][C];
        for (int s = 0; s < S; s++) {
            for (int i = 0; i < T; i++) {
                double[] dHi = high.differences()[s][i], dLo = low.differences()[s][i];
                double[] gHi = aligned ? high.motions()[s][i] : null, gLo = aligned ? low.motions()[s][i] : null;
                for (int j = 0; j < C; j++) {
                    e[s][i][j] = aligned ? wHi * Math.signum(gHi[j]) * dHi[j] - wLo * Math.signum(gLo[j]) * dLo[j]
                            : wHi * dHi[j] - wLo * dLo[j];
                }
            }
        }
        return e;
    }

    /**
     * The rate scores z[seed][rate], one per learning rate of {@link TheoryComparison#RATES}, or
     * null when the comparisons carry no rate sensitivities: each seed's differences aligned with
     * the direction in which that rate moves its own ODE, standardized, and summed over every time
     * after 0 and every column,
     *
     * <pre>
     *   z_s = Σ_{t &gt; 0, col} (N sign(J_s(N)) d_s(N) − N_low sign(J_s(N_low)) d_s(N_low)) / ((N − N_low) r),   r² = mean_s e_s²
     * </pre>
     *
     * with J_s = ∂ode_s/∂ln(rate) of that size's own run (time and column indices left out). An
     * error δ in the rate shifts E d_s by about −δ J_s, so every term of z_s has the sign of −δ:
     * the score pools an error that each single component sees only a little. (Weighting by J/r²,
     * the matched filter for independent components, did worse for bp, where a few components
     * with large J/r dominate; the sign is robust.) J_s depends on the start only and r is
     * unchanged by sign flips, so flipping a seed's noise flips z_s with e_s: the sign-flip test
     * stays exact. Components with r = 0 or a non-finite J (a stepped ODE that diverged) are left
     * out.
     */
    public double[][] rateScores() {
        double[][][][] jHi = high.rateSensitivities(), jLo = low.rateSensitivities();
        if (jHi == null || jLo == null) return null;
        double[][][] e = extrapolated();
        int S = e.length, T = times(), C = high.columns().size(), rates = jHi.length;
        double wHi = (double) nHigh / (nHigh - nLow), wLo = (double) nLow / (nHigh - nLow);
        double[][] z = new double[S][rates];
        for (int i = 0; i < T; i++) {
            if (high.times()[i] == 0) continue; // both start identically: no information at t = 0
            for (int j = 0; j < C; j++) {
                double r2 = 0;
                for (double[][] es : e) r2 += es[i][j] * es[i][j];
                double r = Math.sqrt(r2 / S);
                if (!(r > 0) || !Double.isFinite(r)) continue;
                for (int q = 0; q < rates; q++) {
                    boolean finite = true;
                    for (int s = 0; s < S; s++) finite &= Double.isFinite(jHi[q][s][i][j]) && Double.isFinite(jLo[q][s][i][j]);
                    if (!finite) continue;
                    for (int s = 0; s < S; s++) {
                        z[s][q] += (wHi * Math.signum(jHi[q][s][i][j]) * high.differences()[s][i][j]
                                - wLo * Math.signum(jLo[q][s][i][j]) * low.differences()[s][i][j]) / r;
                    }
                }
            }
        }
        return z;
    }

    /** A message when an ODE of either size diverged before the last time, else null. */
    public String odeDiverged() {
        return high.odeDiverged() != null ? high.odeDiverged() : low.odeDiverged();
    }
}
