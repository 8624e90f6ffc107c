/**
 * The finite-N two-layer student: its weights and the row products (student and teacher fields) in
 * scalar and vector kernels.
 */
package org.forwardonly.simulation.network;
