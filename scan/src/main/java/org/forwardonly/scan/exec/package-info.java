/**
 * Where a scan's points run: the executor interface, the local executor and the lookup of others.
 */
package org.forwardonly.scan.exec;
