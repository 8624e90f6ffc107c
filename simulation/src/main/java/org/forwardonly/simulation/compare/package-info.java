/**
 * Theory against simulation (docs/simulation.md): the ODE of a config next to the seed mean of
 * finite-N runs, their agreement within the seeds' error, the two-N check and the sign-flip test.
 */
package org.forwardonly.simulation.compare;
