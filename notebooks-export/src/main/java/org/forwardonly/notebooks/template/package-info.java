/**
 * Notebooks made from a run directory or a figure: the cells that load its CSV files and redraw it.
 */
package org.forwardonly.notebooks.template;
