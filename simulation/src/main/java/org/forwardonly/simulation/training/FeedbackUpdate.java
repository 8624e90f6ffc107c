package org.forwardonly.simulation.training;

import org.forwardonly.simulation.network.Network;

/**
 * A seam for processes that change the top-down feedback vector F between learning steps,
 * such as weight mirroring (docs/model.md §6). Called once after every minibatch step, with the
 * updated weights. Implementations must not allocate per call if they are to keep the step
 * loop garbage-free.
 */
@FunctionalInterface
public interface FeedbackUpdate {
    /**
     * Updates {@code network.F} in place.
     *
     * @return true when F changed, so that the trainer recomputes c = W F/√N and P = |F|²
     */
    boolean afterStep(Network network);
}
