/**
 * Weight mirroring of the feedback matrix F during training (docs/model.md §6).
 */
package org.forwardonly.simulation.mirroring;
