/**
 * Scans on a Slurm cluster: {@link org.forwardonly.scan.slurm.SlurmExecutor} submits the points as
 * one job array and follows it; {@link org.forwardonly.scan.slurm.SlurmTask} is what each array task
 * runs. docs/scans.md, "Running on a Slurm cluster".
 */
package org.forwardonly.scan.slurm;
