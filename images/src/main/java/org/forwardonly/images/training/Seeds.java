package org.forwardonly.images.training;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The independent random streams of a run, all derived from the one seed. Every rule starts from the
 * same W1, W2 (and pepita, pepita-wm from the same F) and sees the data in the same order.
 */
public enum Seeds {
    /** W1 and W2. */
    WEIGHTS,
    /** PEPITA's F. */
    FEEDBACK,
    /** FA's fixed matrix B. */
    FA_MATRIX,
    /** The order of the training images each epoch. */
    SHUFFLE,
    /** The noise of weight mirroring. */
    MIRROR_NOISE,
    /** Dropout masks. */
    DROPOUT,
    /** DFA's fixed matrices below the top hidden layer. */
    DFA_MATRICES;

    /** A xoroshiro128++ generator for this stream (the long seed is expanded by SplitMix64 inside commons-rng). */
    public UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ ((ordinal() + 1) * 0x9E3779B97F4A7C15L));
    }
}
