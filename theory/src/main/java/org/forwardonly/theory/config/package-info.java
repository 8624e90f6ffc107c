/**
 * The experiment config as a typed, immutable model (docs/config.md): {@link ExperimentConfig} and its parts
 * (averaging, initial conditions, mirroring) and {@link ConfigException}, the one-line refusal. Reading it from
 * JSON/YAML, the {@code --set} overrides and the validation live in module config
 * ({@code org.forwardonly.config.ConfigParser}), at the edge: theory knows no JSON.
 */
package org.forwardonly.theory.config;
