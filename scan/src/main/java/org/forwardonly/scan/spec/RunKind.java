package org.forwardonly.scan.spec;

import java.util.Locale;

/** What each scan point runs: the ODE, the finite-N simulation, or both (two rows per point). */
public enum RunKind {
    /** The order-parameter ODE (docs/model.md §4-§6). */
    ODE,
    /** The finite-N online simulation. */
    SIM,
    /** Both; the CSV then has one row per point and engine. */
    BOTH;

    /** The spec's spelling: ode, sim, both. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
