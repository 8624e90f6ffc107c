/**
 * Writing a chart to PNG, SVG and PDF.
 */
package org.forwardonly.plots.export;
