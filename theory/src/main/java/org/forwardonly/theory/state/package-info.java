/**
 * The order parameters (Q, R, T, v, v*, and c, d, P with feedback F), their packing into the ODE state
 * vector, the covariance of the local fields they define, and the derived columns (cos_v_feedback, c_norm).
 */
package org.forwardonly.theory.state;
