package org.forwardonly.bench.validation;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.FieldAverageDynamics;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;

import java.util.List;
import java.util.Locale;

/**
 * Which adaptive integrator for a Sobol replicate (docs/model.md §8, {@code averaging.integrator}):
 * one replicate's fixed point set integrated by dp853 and by dp54 at loose tolerances, each
 * against the same replicate integrated by dp853 at rtol 1e-11, on the cases where the choice
 * matters (plateaus, kinks, the reach benchmark's K = M = 10). Prints, per case and tolerance, the
 * right-hand sides and the largest relative error of ε_g at 61 evenly spaced times (log-spaced
 * times would leave the plateau escape, where the error peaks, between samples). atol is rtol/1000,
 * as a replicate gets it from the default config (atol scaled with rtol). Run
 * (docs/exact-pepita.md §7):
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.forwardonly.bench.validation.ReplicateIntegratorCheck [replicate] [rtol ...]
 * </pre>
 */
public final class ReplicateIntegratorCheck {
    private ReplicateIntegratorCheck() {}

    /** name, config keys (without integrator, tolerances and output times). */
    private static final List<String[]> CASES = List.of(
            new String[] {"bp K=M=4 to t=30", "\"rule\": \"bp\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"etaV\": 0.5, \"N\": 5000, "
                    + "\"odeEngine\": \"quadrature\", \"tMax\": 30, \"averaging\": {\"method\": \"sobol\", \"samples\": 1024}"},
            new String[] {"bp K=M=4 to t=200", "\"rule\": \"bp\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"etaV\": 0.5, \"N\": 5000, "
                    + "\"odeEngine\": \"quadrature\", \"tMax\": 200, \"averaging\": {\"method\": \"sobol\", \"samples\": 1024}"},
            new String[] {"pepita K=M=3", "\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"eta\": 1, \"sigmaF\": 0.5, \"N\": 2000, "
                    + "\"tMax\": 30, \"averaging\": {\"method\": \"sobol\", \"samples\": 1024}"},
            new String[] {"ReLU pepita K=M=4", "\"rule\": \"pepita\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"sigmaF\": 0.5, \"N\": 2000, "
                    + "\"activation\": \"relu\", \"tMax\": 30, \"averaging\": {\"method\": \"sobol\", \"samples\": 1024}"},
            new String[] {"ff K=M=6", "\"rule\": \"ff\", \"K\": 6, \"M\": 6, \"eta\": 0.5, \"sigmaF\": 0.5, \"N\": 2000, "
                    + "\"tMax\": 100, \"averaging\": {\"method\": \"sobol\", \"samples\": 512}"},
            new String[] {"pepita K=M=10 (reach bench)", "\"rule\": \"pepita\", \"K\": 10, \"M\": 10, \"eta\": 0.5, \"etaV\": 0.5, "
                    + "\"sigmaF\": 0.5, \"N\": 10000, \"seed\": 1, \"tMax\": 100, \"averaging\": {\"method\": \"sobol\", \"samples\": "
                            + "512}"});

    /** Entry point: replicate index (default 0), relative tolerances (default 1e-5 1e-6). */
    public static void main(String[] args) {
        int replicate = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        double[] rtols = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToDouble(Double::parseDouble).toArray()
                : new double[] {1e-5, 1e-6};
        System.out.println("| case | integrator | rtol | RHS evaluations | largest relative error of eps_g | seconds |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] c : CASES) {
            double[] reference = epsG(c[1], "dp853", 1e-11, replicate).trajectory().column("eps_g");
            for (double rtol : rtols) {
                for (String integrator : new String[] {"dp853", "dp54"}) {
                    long t0 = System.nanoTime();
                    OdeResult r = epsG(c[1], integrator, rtol, replicate);
                    double seconds = (System.nanoTime() - t0) * 1e-9;
                    double[] e = r.trajectory().column("eps_g");
                    double worst = 0;
                    for (int i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(e[i] / reference[i] - 1));
                    System.out.printf(Locale.ROOT, "| %s | %s | %.0e | %d | %.2e | %.2f |%n", c[0], integrator, rtol,
                            r.evaluations(), worst, seconds);
                }
            }
        }
    }

    private static OdeResult epsG(String keys, String integrator, double rtol, int replicate) {
        ExperimentConfig config = ConfigParser.parse(String.format(Locale.ROOT, "{%s, \"integrator\": \"%s\", \"rtol\": %s, "
                + "\"atol\": %s, \"nTimes\": 61, \"timeSpacing\": \"linear\"}", keys, integrator, rtol, rtol * 1e-3));
        OrderParameters init = Experiments.initialConditions(config, config.seed());
        try (FieldAverageDynamics dynamics = new FieldAverageDynamics(config, init, replicate)) {
            return Experiments.integrate(config, dynamics, init, SampleTimes.of(config), IntegrationObserver.NONE);
        }
    }
}
