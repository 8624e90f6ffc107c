/** Reading image datasets: the IDX format and Fashion-MNIST from the Debian package's files. */
package org.forwardonly.images.data;
