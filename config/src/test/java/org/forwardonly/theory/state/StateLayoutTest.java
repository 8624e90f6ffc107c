package org.forwardonly.theory.state;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.init.NetworkDraw;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StateLayoutTest {

    @Test
    void indicesCoverThePackedVectorOnceInColumnOrder() {
        StateLayout layout = new StateLayout(4, 3, false, true);
        int dim = layout.dimension();
        assertEquals(10 + 12 + 4 + 4 + 3 + 1, dim);
        List<String> names = layout.columnNames();
        assertEquals(dim, names.size());
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l < 4; l++) {
                assertEquals(layout.qIndex(k, l), layout.qIndex(l, k));
                int lo = Math.min(k, l) + 1, hi = Math.max(k, l) + 1;
                assertEquals("Q_" + lo + "_" + hi, names.get(layout.qIndex(k, l)));
                seen.add(layout.qIndex(k, l));
            }
            for (int m = 0; m < 3; m++) {
                assertEquals("R_" + (k + 1) + "_" + (m + 1), names.get(layout.rIndex(k, m)));
                seen.add(layout.rIndex(k, m));
            }
            assertEquals("v_" + (k + 1), names.get(layout.vIndex(k)));
            assertEquals("c_" + (k + 1), names.get(layout.cIndex(k)));
            seen.add(layout.vIndex(k));
            seen.add(layout.cIndex(k));
        }
        for (int m = 0; m < 3; m++) {
            assertEquals("d_" + (m + 1), names.get(layout.dIndex(m)));
            seen.add(layout.dIndex(m));
        }
        assertEquals("P", names.get(layout.pIndex()));
        seen.add(layout.pIndex());
        assertEquals(dim, seen.size());
        assertEquals(List.of("Q_1_1", "Q_1_2", "Q_1_3", "Q_1_4", "Q_2_2"), names.subList(0, 5));
    }

    @Test
    void noFeedbackVectorMeansNoCdP() {
        StateLayout layout = new StateLayout(2, 1, true, false);
        assertEquals(3 + 2 + 2, layout.dimension());
        assertThrows(IllegalStateException.class, () -> layout.cIndex(0));
    }

    @Test
    void orderParametersOfWeightsAndPackRoundTrip() {
        ExperimentConfig config = ConfigParser.parse("{\"rule\":\"afa\",\"K\":3,\"M\":2,\"N\":200,\"sigmaF\":0.5}");
        NetworkDraw.Drawn w = NetworkDraw.draw(config, 5);
        OrderParameters p = OrderParameters.fromWeights(w);
        // Q = W Wᵀ/N, c = W F/√N, P = |F|² written out directly
        double q01 = 0, c2 = 0, P = 0, r12 = 0;
        for (int i = 0; i < 200; i++) {
            q01 += w.W()[0][i] * w.W()[1][i];
            r12 += w.W()[1][i] * w.Wstar()[0][i];
            c2 += w.W()[2][i] * w.F()[i];
            P += w.F()[i] * w.F()[i];
        }
        assertEquals(q01 / 200, p.Q()[0][1], 1e-14);
        assertEquals(p.Q()[0][1], p.Q()[1][0], 0.0);
        assertEquals(r12 / 200, p.R()[1][0], 1e-14);
        assertEquals(c2 / Math.sqrt(200), p.c()[2], 1e-14);
        assertEquals(P, p.P(), 1e-14);

        StateLayout layout = new StateLayout(3, 2, false, true);
        double[] y = p.pack(layout);
        OrderParameters back = p.withEvolving(layout, y);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(p.Q()[k], back.Q()[k], 0.0);
            assertArrayEquals(p.R()[k], back.R()[k], 0.0);
        }
        assertArrayEquals(p.v(), back.v(), 0.0);
        assertArrayEquals(p.c(), back.c(), 0.0);
        assertArrayEquals(p.d(), back.d(), 0.0);
        assertEquals(p.P(), back.P(), 0.0);
        assertArrayEquals(y, back.pack(layout), 0.0);
    }
}
