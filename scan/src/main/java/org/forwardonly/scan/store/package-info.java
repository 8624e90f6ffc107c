/**
 * A scan's directory: per-point results cached by config, the manifest, and the lock against two writers.
 */
package org.forwardonly.scan.store;
