/**
 * What a simulation measures: the order parameters Q, R, T (and c, d, P with feedback F) from the
 * weights, the test error, the feedback cosine, per-seed CSV rows and their statistics across seeds.
 */
package org.forwardonly.simulation.measure;
