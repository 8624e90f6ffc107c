package org.forwardonly.theory.ode;

/** Watches a running integration: samples as they are produced, and progress. */
public interface IntegrationObserver {
    /** An observer that ignores everything. */
    IntegrationObserver NONE = new IntegrationObserver() { };

    /**
     * One output sample (called in time order).
     *
     * @param t   the sample time
     * @param row the values of the trajectory's columns (eps_g, then the packed state); a fresh array
     */
    default void onSample(double t, double[] row) { }

    /** The integration reached time t (called after every accepted step; keep it cheap). */
    default void onProgress(double t) { }

    /**
     * A short status text worth showing beside the progress (e.g. the exact engine's current error
     * estimate, or that it is refining); may be called from any thread the integration uses.
     */
    default void onNote(String note) { }
}
