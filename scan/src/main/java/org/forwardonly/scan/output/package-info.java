/**
 * The scan's result table (one row per point, its keys and metrics).
 */
package org.forwardonly.scan.output;
