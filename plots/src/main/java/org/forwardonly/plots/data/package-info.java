/**
 * The tables of numbers a figure draws, as written to its CSV files.
 */
package org.forwardonly.plots.data;
