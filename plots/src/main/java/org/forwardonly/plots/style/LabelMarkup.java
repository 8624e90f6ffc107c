package org.forwardonly.plots.style;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.text.AttributedString;

/**
 * The labels' markup: {@code _x} or {@code _{xy}} is a subscript (ε_g, σ_F, η_{wm}), as in
 * docs/model.md. Axis labels draw it as a real subscript; places that take only plain text drop the
 * markup.
 */
public final class LabelMarkup {
    private LabelMarkup() {}

    /** The label as an attributed string in {@code font}, subscripts lowered and smaller. */
    public static AttributedString attributed(String label, Font font) {
        StringBuilder text = new StringBuilder();
        java.util.List<int[]> subs = new java.util.ArrayList<>();
        for (int i = 0; i < label.length(); i++) {
            char ch = label.charAt(i);
            if (ch == '_' && i + 1 < label.length()) {
                int start = text.length();
                if (label.charAt(i + 1) == '{') {
                    int end = label.indexOf('}', i);
                    if (end < 0) end = label.length();
                    text.append(label, i + 2, end);
                    i = end;
                } else {
                    text.append(label.charAt(++i));
                }
                subs.add(new int[] {start, text.length()});
            } else {
                text.append(ch);
            }
        }
        AttributedString as = new AttributedString(text.toString());
        if (text.length() == 0) return as;
        as.addAttributes(font.getAttributes(), 0, text.length());
        for (int[] s : subs) {
            if (s[1] > s[0]) as.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUB, s[0], s[1]);
        }
        return as;
    }

    /** The label without markup (for titles and legends, which take plain text). */
    public static String plain(String label) {
        return label.replace("_{", "").replace("}", "").replace("_", "");
    }
}
