/**
 * The config boundary (docs/extending.md, "The config boundary"): reading a config from JSON, YAML or standard
 * input, the command line's {@code --set} overrides, validation with one clear line per error, resolving rule
 * and activation names into the typed model ({@link org.forwardonly.theory.config.ExperimentConfig}, in theory,
 * which knows no JSON), and writing the resolved config back as JSON (DIR/config.json). Keys and defaults:
 * docs/config.md.
 */
package org.forwardonly.config;
