/**
 * Runs one scan point: the ODE, the simulation, or both, and their results or failures.
 */
package org.forwardonly.scan.run;
