/**
 * Networks of 1-3 hidden layers and the rules of the paper's image experiments (Srinivasan et al., ICLR 2024,
 * Tables 1, 2, S1 and Fig. 3): bp, fa, dfa, PEPITA, PEPITA-Hebbian, PEPITA time-local, the FF form and
 * PEPITA with weight mirroring (with or without pre-mirroring); weight decay, dropout and activation
 * normalisation; the protocols that run a table's rows. docs/images.md, "Deeper networks".
 */
package org.forwardonly.images.deep;
