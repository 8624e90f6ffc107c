/**
 * The named figures of {@code pepita figure} and {@code reproduce} (paper Fig. 2, learning curves, afa
 * accuracy, weight mirroring, forward-forward, the afa-vs-pepita scan) and their catalogue.
 */
package org.forwardonly.plots.figures;
