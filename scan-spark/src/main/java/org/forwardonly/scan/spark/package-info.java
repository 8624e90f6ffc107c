/**
 * Runs the points of a scan on an Apache Spark cluster (the Spark executor, built with -Pspark only).
 */
package org.forwardonly.scan.spark;
