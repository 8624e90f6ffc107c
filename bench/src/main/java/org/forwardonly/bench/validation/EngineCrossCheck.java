package org.forwardonly.bench.validation;

import org.forwardonly.theory.rules.Rules;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.state.OrderParameters;

import java.util.Locale;

/**
 * The quadrature engine (docs/model.md §5) against the closed forms (§4): integrates bp, fa and afa
 * (both last layers) with both engines from the same seeded random start and reports the
 * largest relative difference of ε_g over the sampled times. Run:
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.forwardonly.bench.validation.EngineCrossCheck [quadraturePoints] [tMax] [rule[:lastLayer] ...]
 * </pre>
 */
public final class EngineCrossCheck {
    private EngineCrossCheck() {}

    /** The largest |ε_g(quadrature) − ε_g(closed form)| / ε_g(closed form) over the samples. */
    public static double maxRelativeDifference(String rule, String lastLayer, String activation, int points,
                                               double tMax, int K, int M) {
        // lastLayer only for the rules that use it: the config refuses it elsewhere (bp and fa ignore it)
        String last = org.forwardonly.theory.rules.Rules.byName(rule).modulatedPass() ? "\"lastLayer\": \"" + lastLayer + "\", " : "";
        String json = "{\"rule\": \"" + rule + "\", " + last + "\"activation\": \""
                + activation + "\", \"K\": " + K + ", \"M\": " + M + ", \"eta\": 1.0, \"sigmaF\": 1.0, \"N\": 500,"
                + " \"seed\": 3, \"tMax\": " + tMax + ", \"nTimes\": 21, \"timeSpacing\": \"linear\", \"rtol\": 1e-10,"
                + " \"atol\": 1e-12, \"quadraturePoints\": " + points + "}";
        ExperimentConfig closed = ConfigParser.parse(json.replace("{", "{\"odeEngine\": \"closedForm\", "));
        ExperimentConfig quad = ConfigParser.parse(json.replace("{", "{\"odeEngine\": \"quadrature\", "));
        OrderParameters init = Experiments.initialConditions(closed, closed.seed());
        double[] a = Experiments.integrate(closed, init, IntegrationObserver.NONE).trajectory().column("eps_g");
        double[] b = Experiments.integrate(quad, init, IntegrationObserver.NONE).trajectory().column("eps_g");
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(b[i] - a[i]) / a[i]);
        return worst;
    }

    /**
     * Entry point: optional quadrature points (default 20), tMax (default 100) and cases
     * (default {@code bp fa afa afa:htilde}; a case is a rule with an optional :lastLayer).
     */
    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double tMax = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        String bp = Rules.BP.name(), fa = Rules.FA.name(), afa = Rules.AFA.name();
        String[][] cases = {{bp, "h"}, {fa, "h"}, {afa, "h"}, {afa, "htilde"}};
        if (args.length > 2) {
            cases = new String[args.length - 2][];
            for (int i = 2; i < args.length; i++) {
                String[] parts = args[i].split(":");
                cases[i - 2] = new String[] {parts[0], parts.length > 1 ? parts[1] : "h"};
            }
        }
        for (String[] c : cases) {
            long t0 = System.nanoTime();
            double d = maxRelativeDifference(c[0], c[1], org.forwardonly.theory.activation.Activation.ERF.configName(), points, tMax, 2, 2);
            System.out.printf(Locale.ROOT, "%-4s lastLayer=%-6s erf K=M=2 n=%d t<=%.0f: max relative eps_g difference %.2e (%.1f s)%n",
                    c[0], c[1], points, tMax, d, (System.nanoTime() - t0) / 1e9);
        }
    }
}
