/**
 * Colours, labels and markup of the rules and activations in figures (the model's names: PEPITA, AFA, ε_g).
 */
package org.forwardonly.plots.style;
