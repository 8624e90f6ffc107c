/**
 * JFreeChart panels in the project's style: log axes with decade ticks and the figure canvas.
 */
package org.forwardonly.plots.chart;
