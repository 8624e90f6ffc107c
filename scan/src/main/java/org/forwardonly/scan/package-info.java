/**
 * Parameter scans (docs/scan.md): a grid of configs, each point run as an ODE, a simulation or both,
 * summarised into one table, cached and resumable; run locally, on Spark or on Slurm.
 */
package org.forwardonly.scan;
