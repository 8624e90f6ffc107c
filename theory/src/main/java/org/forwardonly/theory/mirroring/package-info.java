/**
 * The drift of weight mirroring in the order parameters (docs/model.md §6): the terms added to dc/dt, dd/dt
 * and dP/dt, and the rescaled start.
 */
package org.forwardonly.theory.mirroring;
