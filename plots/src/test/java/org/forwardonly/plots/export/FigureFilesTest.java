package org.forwardonly.plots.export;

import org.forwardonly.plots.chart.FigureCanvas;
import org.forwardonly.plots.style.FigureStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** PNG, SVG and PDF files of a figure drawn from synthetic data. */
class FigureFilesTest {

    @TempDir
    Path dir;

    private List<Path> write() throws Exception {
        FigureCanvas canvas = new FigureCanvas(SyntheticFigure.figure(), SyntheticFigure.DATA::get);
        String keep = System.getenv("PEPITA_KEEP_FIGURES");
        if (keep != null) FigureFiles.write(canvas, Files.createDirectories(Path.of(keep)), "synthetic");
        return FigureFiles.write(canvas, dir, "synthetic");
    }

    @Test
    void pngDecodesAtTheExpectedSize() throws Exception {
        write();
        BufferedImage img = ImageIO.read(dir.resolve("synthetic.png").toFile());
        assertNotNull(img, "ImageIO decodes the PNG");
        // two panels side by side, one row, and the figure's legend under them, at PNG_SCALE pixels per point
        FigureCanvas canvas = new FigureCanvas(SyntheticFigure.figure(), SyntheticFigure.DATA::get);
        assertEquals((int) Math.round(2 * FigureStyle.PANEL_WIDTH * FigureStyle.PNG_SCALE), img.getWidth());
        assertTrue(canvas.height() > FigureStyle.TITLE_HEIGHT + FigureStyle.PANEL_HEIGHT, "a band for the legend");
        assertEquals((int) Math.round(canvas.height() * FigureStyle.PNG_SCALE), img.getHeight());
        // something was drawn in the Okabe-Ito vermillion (#D55E00) of the simulation markers
        boolean vermillion = false;
        for (int x = 0; x < img.getWidth() && !vermillion; x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == 0xD55E00) {
                    vermillion = true;
                    break;
                }
            }
        }
        assertTrue(vermillion, "markers drawn in their colour");
    }

    @Test
    void svgParsesAsXmlWithTheFigureSize() throws Exception {
        write();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(dir.resolve("synthetic.svg").toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(2 * FigureStyle.PANEL_WIDTH, Double.parseDouble(doc.getDocumentElement().getAttribute("width")), 0.0);
    }

    @Test
    void pdfHasTheMagicNumberAndAnEnd() throws Exception {
        write();
        byte[] pdf = Files.readAllBytes(dir.resolve("synthetic.pdf"));
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertTrue(new String(pdf, StandardCharsets.US_ASCII).strip().endsWith("%%EOF"));
    }

    @Test
    void sameFigureSameBytes() throws Exception {
        write();
        byte[] svg = Files.readAllBytes(dir.resolve("synthetic.svg"));
        byte[] png = Files.readAllBytes(dir.resolve("synthetic.png"));
        byte[] pdf = Files.readAllBytes(dir.resolve("synthetic.pdf"));
        Thread.sleep(1100); // the PDF library stamps the time to the second
        write();
        assertArrayEquals(pdf, Files.readAllBytes(dir.resolve("synthetic.pdf")));
        assertArrayEquals(svg, Files.readAllBytes(dir.resolve("synthetic.svg")));
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("synthetic.png")));
    }
}
