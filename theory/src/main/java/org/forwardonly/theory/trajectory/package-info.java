/**
 * A sampled trajectory (times, columns, rows) and its CSV form.
 */
package org.forwardonly.theory.trajectory;
