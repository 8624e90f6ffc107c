package org.forwardonly.images.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.images.data.ImageSet;
import org.junit.jupiter.api.Test;

/** The epoch order shared by the 2-layer and the deep trainer (exact: integers and copied pixels). */
class MinibatchesTest {

    /** 10 images of 2 features, image i = (i, −i), label i mod 3. */
    static ImageSet images() {
        double[] x = new double[20];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            labels[i] = i % 3;
        }
        return new ImageSet(x, labels, 10, 2, 3);
    }

    /** The images of one epoch in the order they come, each batch's rows checked against its labels. */
    static List<Integer> epoch(Minibatches mb, List<Integer> sizes) {
        double[] x = new double[4 * 2];
        int[] labels = new int[4];
        List<Integer> seen = new ArrayList<>();
        mb.shuffle();
        for (int b = 0; b < mb.batches(); b++) {
            int rows = mb.fill(b, x, labels);
            sizes.add(rows);
            for (int r = 0; r < rows; r++) {
                int img = (int) x[2 * r];
                assertEquals(-img, x[2 * r + 1], 0.0);
                assertEquals(img % 3, labels[r]);
                seen.add(img);
            }
        }
        return seen;
    }

    @Test
    void everyEpochVisitsEveryImageOnceInAFreshFisherYatesOrder() {
        Minibatches mb = new Minibatches(images(), 4, RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        assertEquals(3, mb.batches());
        List<Integer> sizes = new ArrayList<>();
        List<Integer> first = epoch(mb, sizes);
        List<Integer> second = epoch(mb, sizes);
        assertEquals(List.of(4, 4, 2, 4, 4, 2), sizes);   // the last batch is the remainder
        for (List<Integer> e : List.of(first, second)) {
            int[] sorted = e.stream().mapToInt(Integer::intValue).sorted().toArray();
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
        }
        assertFalse(first.equals(second), "reshuffled each epoch: " + first + " " + second);
        // the order is the textbook Fisher–Yates shuffle of the running permutation, drawn from the given stream
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (List<Integer> e : List.of(first, second)) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            assertEquals(Arrays.stream(order).boxed().toList(), e);
        }
    }
}
