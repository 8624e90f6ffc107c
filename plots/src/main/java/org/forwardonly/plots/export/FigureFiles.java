package org.forwardonly.plots.export;

import org.forwardonly.plots.chart.FigureCanvas;
import org.forwardonly.plots.style.FigureStyle;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a figure as {@code NAME.png} (at {@link FigureStyle#PNG_SCALE} pixels per point),
 * {@code NAME.svg} and {@code NAME.pdf} (text drawn as vector outlines, so that ε, σ and ∠ need
 * no embedded font). Needs {@code java.awt.headless=true} on machines without a display.
 */
public final class FigureFiles {
    /** The formats written, as file extensions. */
    public static final List<String> FORMATS = List.of("png", "svg", "pdf");

    private FigureFiles() {}

    /** Writes the three files into {@code dir}; returns their paths (png, svg, pdf). */
    public static List<Path> write(FigureCanvas canvas, Path dir, String name) throws IOException {
        Path png = dir.resolve(name + ".png"), svg = dir.resolve(name + ".svg"), pdf = dir.resolve(name + ".pdf");
        writePng(canvas, png);
        writeSvg(canvas, svg);
        writePdf(canvas, pdf);
        return List.of(png, svg, pdf);
    }

    /** The PNG. */
    public static void writePng(FigureCanvas canvas, Path file) throws IOException {
        double s = FigureStyle.PNG_SCALE;
        BufferedImage img = new BufferedImage((int) Math.round(canvas.width() * s), (int) Math.round(canvas.height() * s),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(s, s);
            canvas.draw(g);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer available");
    }

    /** The SVG (fixed id prefix, so the same figure gives the same bytes). */
    public static void writeSvg(FigureCanvas canvas, Path file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(canvas.width(), canvas.height());
        g.setDefsKeyPrefix("pepita");
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        canvas.draw(g);
        // no DOCTYPE: XML parsers would try to fetch the SVG 1.1 DTD from the network
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n", StandardCharsets.UTF_8);
    }

    /**
     * JFreePDF stamps /CreationDate and /ModDate with the clock; they are set to 1970-01-01 (same
     * length, so the cross-reference offsets stay right) so that the same figure gives the same bytes.
     */
    static byte[] withoutTimestamps(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/(?:Mod|Creation)Date \\(D:(\\d{14})").matcher(text);
        byte[] out = pdf.clone();
        while (m.find()) {
            byte[] epoch = "19700101000000".getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(epoch, 0, out, m.start(1), epoch.length);
        }
        return out;
    }

    /** The PDF (one page the size of the figure). */
    public static void writePdf(FigureCanvas canvas, Path file) throws IOException {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(file.getFileName().toString());
        doc.setAuthor("pepita");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, canvas.width(), canvas.height()));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        canvas.draw(g);
        Files.write(file, withoutTimestamps(doc.getPDFBytes()));
    }
}
