/**
 * A plot model independent of any charting library (figures, panels, series) and its rendering as
 * matplotlib code for the exported notebooks.
 */
package org.forwardonly.notebooks.plot;
