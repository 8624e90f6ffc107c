/**
 * Splitting the items of one right-hand side over threads with results independent of the thread count.
 */
package org.forwardonly.theory.concurrent;
