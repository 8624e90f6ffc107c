/**
 * The Jupyter notebook format (nbformat 4): cells, notebooks and their JSON writer.
 */
package org.forwardonly.notebooks.format;
