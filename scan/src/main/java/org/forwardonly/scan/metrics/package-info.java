/**
 * Summaries of one point's run: ε_g curves, final and plateau values, the metrics of the scan table.
 */
package org.forwardonly.scan.metrics;
