/**
 * JMH benchmarks of the hot paths (docs/performance.md): the closed-form and exact right-hand sides through the
 * dynamics seam, the weighted Gaussian integrals, and one SGD step of the finite-N network. Built into
 * bench/target/benchmarks.jar, not into pepita.jar.
 */
package org.forwardonly.bench;
