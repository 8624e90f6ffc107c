package org.forwardonly.cli.serve;

import java.util.List;

/** A run the page watches as it goes (an ODE or the simulation overlay): its columns, then samples and progress. */
interface StreamedRun extends AutoCloseable {
    /** The CSV columns after t. */
    List<String> columns();

    /** The last sample time. */
    double tEnd();

    /** What computes it, for the page's progress line. */
    String engine();

    /**
     * Runs to the end, handing over every sample.
     *
     * @return null when done, else the one-line reason the run diverged
     */
    String run(Sink sink);

    @Override
    default void close() { }

    /** Receives a run as it goes (on the running thread); may throw an unchecked exception to stop it. */
    interface Sink {
        /** One sample: eps_g, then the packed order parameters. */
        void sample(double t, double[] row);

        /** The run reached time t. */
        void progress(double t);
    }
}
