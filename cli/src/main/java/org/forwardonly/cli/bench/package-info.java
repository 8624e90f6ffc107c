/**
 * {@code pepita bench}: the project's speed workloads (the closed-form ODE at several K = M, the exact
 * engine's reach, the SGD step) timed warm in-process and cold as whole processes, against reference
 * numbers (docs/performance.md).
 */
package org.forwardonly.cli.bench;
