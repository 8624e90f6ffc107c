/**
 * Developer programs that check the exact engine against independent answers (docs/exact-pepita.md): the
 * tensor grid against the closed forms, Sobol points against the tensor grid, the pepita-afa gap, the
 * replicate integrators, and a table of ε_g from run directories. Run from bench/target/benchmarks.jar;
 * not part of pepita.jar.
 */
package org.forwardonly.bench.validation;
