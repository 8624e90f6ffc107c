/**
 * The activation functions g (erf, ReLU, linear, ...) and their fast evaluation on blocks of points (the
 * Chebyshev erf, exp), fenced behind {@code Activation} so the rules see g(x) and g'(x) only.
 */
package org.forwardonly.theory.activation;
