/**
 * Learning rules for the softmax network: backpropagation, feedback alignment, PEPITA and weight mirroring of
 * PEPITA's feedback matrix F. Same rules as docs/model.md §2 and §6, for a batched, multi-class architecture.
 */
package org.forwardonly.images.rules;
