/**
 * The order-parameter ODEs and the dynamics seam: {@link org.forwardonly.theory.ode.OdeEngine} chooses the engine
 * (closed forms, tensor grid, pooled Sobol replicates), each giving the drift dy/dt of the packed state through
 * {@link org.forwardonly.theory.ode.OrderParameterDynamics}; {@link org.forwardonly.theory.ode.Experiments} wires a
 * config to it and integrates (Hipparchus), sampling, detecting divergence and reporting the averaging error.
 */
package org.forwardonly.theory.ode;
