/**
 * The machinery of named figures: what a figure is (its definition, settings, size), the data it draws,
 * the engines it calls, and the runner that writes its directory (data, PNG/SVG/PDF, manifest) under a lock.
 */
package org.forwardonly.plots.catalogue;
