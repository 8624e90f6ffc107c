/**
 * The scan specification: the base config, the keys that vary and their values, and its parser.
 */
package org.forwardonly.scan.spec;
