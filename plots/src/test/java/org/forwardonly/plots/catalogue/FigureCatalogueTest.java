package org.forwardonly.plots.catalogue;

import org.forwardonly.plots.figures.FigureCatalogue;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The catalogue's figures are well formed at both sizes (their runs are exercised by .ci/run's quick reproduce). */
class FigureCatalogueTest {

    @Test
    void namesAreUniqueCommandLineWordsAndFound() {
        Set<String> names = new HashSet<>();
        for (FigureDefinition f : FigureCatalogue.all()) {
            assertTrue(f.name().matches("[a-z0-9-]+"), f.name());
            assertTrue(names.add(f.name()), "duplicate " + f.name());
            assertSame(f, FigureCatalogue.byName(f.name()).orElseThrow());
            assertFalse(f.description().isBlank());
        }
        assertTrue(FigureCatalogue.byName("nope").isEmpty());
    }

    @Test
    void quickRunsAreSmallerThanDefaultRuns() {
        for (FigureDefinition f : FigureCatalogue.all()) {
            Map<String, ExperimentConfig> quick = f.configs(FigureSize.QUICK), dflt = f.configs(FigureSize.DEFAULT);
            assertFalse(quick.isEmpty(), f.name());
            // the cost counts simulation steps (seeds·N·tMax); the quick size is meant for CI
            assertTrue(WorkMeter.totalCost(quick.values()) < WorkMeter.totalCost(dflt.values()) / 5, f.name());
            for (ExperimentConfig c : quick.values()) assertTrue(c.N() <= 300 && c.seeds() <= 2, f.name());
        }
    }

    @Test
    void runIdsAreFileNames() {
        for (FigureDefinition f : FigureCatalogue.all()) {
            for (String id : f.configs(FigureSize.DEFAULT).keySet()) assertTrue(id.matches("[A-Za-z0-9_.-]+"), id);
        }
    }
}
