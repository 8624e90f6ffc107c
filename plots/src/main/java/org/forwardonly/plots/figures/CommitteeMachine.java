package org.forwardonly.plots.figures;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.simulation.measure.OrderParameterMeter;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.training.OnlineTrainer;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.analysis.FixedPoint;
import org.forwardonly.theory.analysis.StationaryPoints;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.integrals.EpsG;
import org.forwardonly.theory.integrals.SecondMoment;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The soft committee machine of Saad and Solla (1995) as {@code pepita analyse} treats it (docs/analysis.md): bp,
 * erf, K = M, both second layers fixed at 1 (η_v = 0) and an orthonormal teacher, T = I. The simulation's own draw
 * has v ~ N(0, 1) and T = I + O(1/√N) (NetworkDraw), so each seed's draw is changed before training: v = 1, the
 * teacher vectors Gram-Schmidt orthogonalised to |w*_m|² = N, and, for a start near the learning solution, the
 * student moved to w_k = w*_k + a·(its drawn w_k). Then every seed's ODE has the constants the analysis has, and
 * its stationary points are the analysis' points exactly.
 */
final class CommitteeMachine {
    private CommitteeMachine() {}

    /** A bp committee-machine config (η_v = 0, σ = 0, linear output times) at the figure's size. */
    static ExperimentConfig config(int K, double eta, int N, int seeds, double tMax, int nTimes) {
        ObjectNode o = ConfigParser.mapper().createObjectNode();
        o.put("rule", Rules.BP.name());
        o.put("activation", Activation.ERF.configName());
        o.put("K", K);
        o.put("M", K);
        o.put("eta", eta);
        o.put("etaV", 0.0);
        o.put("sigma", 0.0);
        o.put("seed", 1);
        o.put("N", N);
        o.put("seeds", seeds);
        o.put("tMax", tMax);
        o.put("nTimes", nTimes);
        o.put("timeSpacing", "linear");
        o.put("dt", 0.01);
        return ConfigParser.parse(o);
    }

    /**
     * {@code c} with an explicit {@code init}: T = I, v = v* = 1, and a start like a large-N random draw (Q = I
     * with small overlaps, R small and not symmetric), from which analyse's symmetric and trajectory starts reach the
     * plateau. What {@code pepita analyse} is given to find the points this figure marks.
     */
    static ExperimentConfig withInit(ExperimentConfig c) {
        int K = c.K();
        ObjectNode tree = ConfigParser.toJson(c);
        ObjectNode init = tree.putObject("init");
        ArrayNode Q = init.putArray("Q"), R = init.putArray("R"), T = init.putArray("T");
        for (int k = 0; k < K; k++) {
            ArrayNode q = Q.addArray(), r = R.addArray(), t = T.addArray();
            for (int l = 0; l < K; l++) {
                q.add(k == l ? 1.0 : 0.01);
                r.add(0.001 * ((3 * k + 5 * l) % 7));
                t.add(k == l ? 1.0 : 0.0);
            }
        }
        ArrayNode v = init.putArray("v"), vStar = init.putArray("vStar");
        for (int k = 0; k < K; k++) {
            v.add(1.0);
            vStar.add(1.0);
        }
        return ConfigParser.parse(tree);
    }

    /** The symmetric plateau (all student units alike) that analyse finds for {@code c}'s committee machine. */
    static FixedPoint plateau(ExperimentConfig c) {
        ExperimentConfig a = withInit(c);
        try (StationaryPoints sp = new StationaryPoints(a, OrderParameters.fromInit(a.init()))) {
            return sp.analyse().stream().filter(p -> p.origin().equals("symmetric")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("analyse found no symmetric plateau for " + c));
        }
    }

    /**
     * Simulates every seed of {@code c} (recorded at the config's times, step round(t·N)) from its draw changed as
     * the class comment says; {@code nearTeacher} &lt; 0 keeps the drawn random student, else it is the a of
     * w_k = w*_k + a·w_k. A seed whose ε_g becomes non-finite or exceeds {@code epsGBound} stops there (its
     * trajectory is shorter). Seeds run in parallel; each is deterministic, so the result does not depend on it.
     */
    static Simulation.Result simulate(ExperimentConfig c, double nearTeacher) {
        double[] times = SampleTimes.of(c);
        StateLayout layout = Experiments.layout(c);
        List<String> columns = Experiments.columns(layout);
        SeedRun.Result[] out = new SeedRun.Result[c.seeds()];
        IntStream.range(0, c.seeds()).parallel().forEach(i -> out[i] = simulateSeed(c, c.seed() + i, nearTeacher, times, layout, columns));
        return new Simulation.Result(columns, times, List.of(out));
    }

    private static SeedRun.Result simulateSeed(ExperimentConfig c, long seed, double nearTeacher, double[] times, StateLayout layout,
                                               List<String> columns) {
        SeedRun run = new SeedRun(c, seed, null);
        Network net = run.initialNetwork();
        prepare(net, nearTeacher);
        OnlineTrainer trainer = run.trainer(net);
        SecondMoment erf = SecondMoment.of(Activation.ERF);
        double[] packed = new double[layout.dimension()];
        List<double[]> rows = new ArrayList<>();
        OrderParameters initial = OrderParameterMeter.measure(net);
        for (double t : times) {
            trainer.advanceTo(SeedRun.stepsOf(t, net.N));
            OrderParameters o = rows.isEmpty() ? initial : OrderParameterMeter.measure(net);
            double[] row = new double[1 + packed.length];
            row[0] = EpsG.of(o, erf);
            o.pack(layout, packed);
            System.arraycopy(packed, 0, row, 1, packed.length);
            if (!Double.isFinite(row[0]) || row[0] > c.epsGBound()) break; // diverged: the seed stops here
            rows.add(row);
        }
        return new SeedRun.Result(seed, initial, new Trajectory(Arrays.copyOf(times, rows.size()), columns, rows.toArray(new double[0][])));
    }

    /**
     * The ODE of {@code c} from the committee machine drawn at size {@code N} with seed {@code seed} (changed as the
     * class comment says, random student), at {@code times}: the deterministic part of a simulation at that N, which
     * costs the same at any N (the draw's order parameters only).
     */
    static Trajectory odeFromDraw(ExperimentConfig c, int N, long seed, double[] times) {
        Network net = Network.of(org.forwardonly.theory.init.NetworkDraw.draw(c.K(), c.M(), N, 0, false, seed));
        prepare(net, -1);
        return Experiments.integrate(c, OrderParameterMeter.measure(net), times, org.forwardonly.theory.ode.IntegrationObserver.NONE)
                .trajectory();
    }

    /** v = 1; teacher rows orthogonalised to norm √N (T = I); the student moved next to the teacher when a ≥ 0. */
    static void prepare(Network net, double nearTeacher) {
        int N = net.N;
        Arrays.fill(net.v, 1.0);
        Arrays.fill(net.vStar, 1.0);
        double[] W = net.Wstar;
        for (int m = 0; m < net.M; m++) {
            for (int n = 0; n < m; n++) {
                double dot = 0;
                for (int i = 0; i < N; i++) dot += W[m * N + i] * W[n * N + i];
                for (int i = 0; i < N; i++) W[m * N + i] -= dot / N * W[n * N + i];
            }
            double norm2 = 0;
            for (int i = 0; i < N; i++) norm2 += W[m * N + i] * W[m * N + i];
            double scale = Math.sqrt(N / norm2);
            for (int i = 0; i < N; i++) W[m * N + i] *= scale;
        }
        if (nearTeacher >= 0) {
            for (int k = 0; k < net.K; k++) {
                for (int i = 0; i < N; i++) net.W[k * N + i] = W[(k % net.M) * N + i] + nearTeacher * net.W[k * N + i];
            }
        }
    }
}
