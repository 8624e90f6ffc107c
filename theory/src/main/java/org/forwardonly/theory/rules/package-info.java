/**
 * The learning rules (bp, fa, afa, pepita, ff) written once per sample in the model's notation: each
 * rule's increments of the weights given the local fields, shared by the exact engine and the simulation.
 */
package org.forwardonly.theory.rules;
