package org.forwardonly.images.training;

/** Where the training loop reports progress (the command line draws a bar on stderr from it). */
public interface TrainingProgress {

    /** Reports nothing. */
    TrainingProgress NONE = (rule, done, total) -> { };

    /**
     * Called after every batch.
     *
     * @param rule  the rule being trained
     * @param done  batches done so far in this rule's run (all epochs)
     * @param total batches of the whole run of this rule
     */
    void batchDone(String rule, long done, long total);

    /** Called when a rule's run ends. */
    default void ruleDone(String rule) {
    }
}
