package org.forwardonly.notebooks.format;

/**
 * One notebook cell: markdown text or Python code.
 *
 * @param kind   markdown or code
 * @param source the cell's text ('\n' line ends)
 */
public record Cell(Kind kind, String source) {

    /** The two kinds of cell the project writes. */
    public enum Kind {
        /** Text rendered as markdown. */
        MARKDOWN,
        /** Python code run by the kernel. */
        CODE
    }

    /** Checks the arguments. */
    public Cell {
        if (kind == null || source == null) throw new IllegalArgumentException("cell kind and source are required");
    }

    /** A markdown cell. */
    public static Cell markdown(String text) {
        return new Cell(Kind.MARKDOWN, text);
    }

    /** A code cell. */
    public static Cell code(String python) {
        return new Cell(Kind.CODE, python);
    }
}
