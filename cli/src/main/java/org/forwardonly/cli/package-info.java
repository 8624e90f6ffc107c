/**
 * The {@code pepita} command line (picocli): one command per task (ode, simulate, compare, scan, figure,
 * reproduce, analyse, notebook, power, serve, bench), reading a config at the edge and writing run
 * directories with one clear line and an exit code on bad input (docs/cli.md).
 */
package org.forwardonly.cli;
