/** Reading image datasets: the IDX format (MNIST, Fashion-MNIST from the Debian package's files) and the CIFAR-10/100 binary format. */
package org.forwardonly.images.data;
