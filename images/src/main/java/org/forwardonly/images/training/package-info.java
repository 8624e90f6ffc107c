/** The training loop (SGD with momentum, step decay), metrics, and the output directory of {@code train-images}. */
package org.forwardonly.images.training;
