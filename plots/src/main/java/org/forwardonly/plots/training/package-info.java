/**
 * Learning curves of the image training runs (test error against samples seen).
 */
package org.forwardonly.plots.training;
