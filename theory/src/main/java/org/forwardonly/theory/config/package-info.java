/**
 * The experiment config (docs/config.md): its keys and defaults, parsing from JSON/YAML, validation with one
 * clear line per error, and overrides (--set).
 */
package org.forwardonly.theory.config;
