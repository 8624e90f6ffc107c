package org.forwardonly.plots.figures;

import org.forwardonly.plots.catalogue.FigureDefinition;

import java.util.List;
import java.util.Optional;

/** The named figures, in the order {@code pepita reproduce} makes them. */
public final class FigureCatalogue {
    private static final List<FigureDefinition> FIGURES = List.of(
            new PaperFig2a(),
            new PaperFig2b(),
            new PaperFig2cd(),
            new LearningCurves(),
            new AlignThenMemorise(),
            new AfaAccuracy(),
            new WeightMirroringFigure(),
            new ForwardForwardForm(),
            new ScanAfaVsPepita(),
            new PlateauEscape(),
            new PlateauLengthFigure(),
            new EtaMaxFigure());

    private FigureCatalogue() {}

    /** Every figure. */
    public static List<FigureDefinition> all() {
        return FIGURES;
    }

    /** The figure of that name. */
    public static Optional<FigureDefinition> byName(String name) {
        return FIGURES.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The names, comma-separated (for error messages). */
    public static String names() {
        return String.join(", ", FIGURES.stream().map(FigureDefinition::name).toList());
    }
}
