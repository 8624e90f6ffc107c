/**
 * Figures drawn from a scan's result table.
 */
package org.forwardonly.plots.scan;
