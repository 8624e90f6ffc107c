package org.forwardonly.theory.averaging;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The drift's storage: Richardson extrapolation in 1/n (ReLU's grids, docs/model.md §8) and clearing. */
class DriftTest {

    private interface Entry {
        double get(Drift d);
    }

    /** Every entry of a K = 2, M = 3 drift, as getters (dd and dP included: weight mirroring moves them). */
    private static Entry[] entries() {
        java.util.List<Entry> e = new java.util.ArrayList<>();
        for (int k = 0; k < 2; k++) {
            int kk = k;
            for (int l = 0; l < 2; l++) {
                int ll = l;
                e.add(d -> d.dQ[kk][ll]);
            }
            for (int m = 0; m < 3; m++) {
                int mm = m;
                e.add(d -> d.dR[kk][mm]);
            }
            e.add(d -> d.dv[kk]);
            e.add(d -> d.dc[kk]);
        }
        for (int m = 0; m < 3; m++) {
            int mm = m;
            e.add(d -> d.dd[mm]);
        }
        e.add(d -> d.dP);
        return e.toArray(new Entry[0]);
    }

    /** Sets every entry to limit + C/n, with the limit and C drawn per entry from {@code seed}. */
    private static Drift withError(long seed, double n, double[] limits) {
        SplittableRandom r = new SplittableRandom(seed);
        Drift d = new Drift(2, 3);
        int i = 0;
        double[][] values = new double[18][];
        for (int j = 0; j < values.length; j++) {
            double limit = r.nextDouble(-1, 1), c = r.nextDouble(-5, 5);
            limits[j] = limit;
            values[j] = new double[] {limit + c / n};
        }
        for (int k = 0; k < 2; k++) {
            for (int l = 0; l < 2; l++) d.dQ[k][l] = values[i++][0];
            for (int m = 0; m < 3; m++) d.dR[k][m] = values[i++][0];
            d.dv[k] = values[i++][0];
            d.dc[k] = values[i++][0];
        }
        for (int m = 0; m < 3; m++) d.dd[m] = values[i++][0];
        d.dP = values[i][0];
        return d;
    }

    @Test
    void extrapolationRemovesAnErrorCOverNFromEveryEntry() {
        // an error exactly C/n (what Gauss-Hermite leaves on kinked integrands) must vanish from every entry,
        // however C differs between entries: the limit comes back to rounding
        double[] limits = new double[18], same = new double[18];
        Drift coarse = withError(7, 16, limits), fine = withError(7, 22, same);
        coarse.extrapolate(fine, 16, 22);
        Entry[] e = entries();
        for (int j = 0; j < e.length; j++) assertEquals(limits[j], e[j].get(coarse), 1e-14, "entry " + j);
    }

    @Test
    void clearZeroesEveryEntry() {
        Drift d = withError(3, 10, new double[18]);
        d.clear();
        for (Entry e : entries()) assertEquals(0.0, e.get(d), 0.0);
    }
}
