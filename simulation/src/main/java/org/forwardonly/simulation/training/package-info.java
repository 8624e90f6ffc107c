/**
 * Online SGD of the finite-N network with each rule (bp, fa, afa, pepita, ff): one seed's run, the
 * feedback updates, limits, progress and divergence.
 */
package org.forwardonly.simulation.training;
