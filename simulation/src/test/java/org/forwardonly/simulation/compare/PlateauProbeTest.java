package org.forwardonly.simulation.compare;

import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;

import java.util.Locale;

class PlateauProbeTest {
    static ExperimentConfig c(int K, double eta, int N) {
        return ConfigParser.parse(String.format(Locale.ROOT, "{\"rule\":\"bp\",\"activation\":\"erf\",\"K\":%d,\"M\":%d,\"eta\":%s,"
                + "\"etaV\":0,\"sigma\":0,\"seed\":1,\"N\":%d,\"seeds\":1,\"tMax\":400}", K, K, eta, N));
    }

    @Test
    void probe() {
        String[] which = System.getProperty("probe", "2:1.5").split(",");
        int[] Ns = java.util.Arrays.stream(System.getProperty("probeN", "1000").split(",")).mapToInt(Integer::parseInt).toArray();
        for (String w : which) {
            int K = Integer.parseInt(w.split(":")[0]);
            double eta = Double.parseDouble(w.split(":")[1]);
            long t0 = System.nanoTime();
            PlateauLength.Prediction p = PlateauLength.predict(c(K, eta, 1000));
            System.err.printf(Locale.ROOT, "PROBE K=%d eta=%s height=%.5f lambda=%.5f slope=%.3f (%.1f s)%n", K, eta, p.height(), p.lambda(), p.slope(),
                    (System.nanoTime() - t0) / 1e9);
            for (int N : Ns) {
                for (long seed = 1; seed <= Integer.getInteger("probeSeeds", 1); seed++) {
                    t0 = System.nanoTime();
                    Trajectory sim = PlateauLength.simulate(c(K, eta, N), seed, p.height(), n -> { });
                    double ts = (System.nanoTime() - t0) / 1e9;
                    Trajectory ode = PlateauLength.ode(c(K, eta, N), seed);
                    double[] e = sim.column("eps_g");
                    System.err.printf(Locale.ROOT, "PROBE   N=%d seed=%d sim length=%.2f (ends t=%.2f, %.1f s wall) ode length=%.2f%n", N, seed,
                            PlateauLength.of(sim.times(), e, p.height()), sim.times()[sim.size() - 1], ts,
                            PlateauLength.of(ode.times(), ode.column("eps_g"), p.height()));
                    if (Boolean.getBoolean("probeCurve")) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 0; i < e.length; i += 8) b.append(String.format(Locale.ROOT, " %.0f:%.4f", sim.times()[i], e[i]));
                        System.err.println("PROBE   curve" + b);
                    }
                }
            }
        }
    }
}
