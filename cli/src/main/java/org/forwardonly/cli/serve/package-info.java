/**
 * {@code pepita serve}: the explorer, a small HTTP server that runs one ODE or simulation per request on the
 * same path as {@code pepita ode} and {@code simulate} and streams its rows (docs/serve.md).
 */
package org.forwardonly.cli.serve;
