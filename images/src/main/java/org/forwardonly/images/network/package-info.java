/** The n–H–C ReLU/softmax network on plain row-major arrays, and the cache-friendly, deterministic batch products. */
package org.forwardonly.images.network;
