package org.forwardonly.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md and docs/*.md name only what exists: every {@code `Class`} and {@code `Class.method`} in a code span
 * is a class, record, interface or enum declared in the repository's Java or Python sources (or a library class
 * listed in {@link #LIBRARY}) and the method is named in its file; every repository file in a code span (a path
 * with a file extension that starts with a top-level directory of the repository) and every relative link target
 * exists. Names outside code spans are prose and not checked; nor are placeholders (three capitals: KEY, RULE).
 */
class DocReferencesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Classes of the JDK, Hipparchus, JMH, pandas and Python that the docs name; not in this repository. */
    static final Set<String> LIBRARY = Set.of("AutoCloseable", "Double", "DoubleVector", "EigenDecompositionNonSymmetric",
            "Erf", "FileChannel", "FileNotFoundError", "HermiteRuleFactory", "Math", "MaxVectorSize", "ParserError",
            "ServiceLoader", "SingularValueDecomposition", "StrictMath", "Thread", "NaN", "None");

    /** A code span that is a class name, optionally with a method: {@code Name} or {@code Name.method(...)}. */
    private static final Pattern CLASS_REF = Pattern.compile("([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*)(?:\\(.*\\))?)?");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
    /** A repository file: directories, then a name with one of the repository's file extensions. */
    private static final Pattern PATH = Pattern.compile("[\\w.-]+(?:/[\\w.-]+)*/[\\w.-]+\\."
            + "(?:md|java|json|ya?ml|csv|py|sh|png|svg|pdf|txt|xml|ipynb|cff|js|html|css|tex|sha256|toml|cfg)");
    /** A placeholder in a name (RULE, KEY, DIR, NAME): three capitals in a row. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z]{3}");

    /** Declared type name → the text of the files that declare it (Java and Python sources, main and test). */
    static Map<String, String> declarations(Path root) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (Path f : sources(root)) {
            String text = Files.readString(f);
            Matcher m = DECLARATION.matcher(text);
            while (m.find()) out.merge(m.group(1), text, String::concat);
        }
        return out;
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/")
                            && !f.toString().contains("/node_modules/"))
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".py")).toList();
        }
    }

    /** What {@code text} (a doc at {@code doc}) names that does not exist, one line each. */
    static List<String> missing(Path root, Path doc, String text, Map<String, String> declared) throws IOException {
        List<String> out = new ArrayList<>();
        Set<String> topLevel;
        try (Stream<Path> s = Files.list(root)) {
            topLevel = Set.copyOf(s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList());
        }
        Matcher span = CODE_SPAN.matcher(text);
        while (span.find()) {
            String code = span.group(1).trim();
            Matcher c = CLASS_REF.matcher(code);
            if (PLACEHOLDER.matcher(code).find()) continue; // KEYMax, examples/power/RULE.json: a pattern, not a name
            if (c.matches()) {
                String name = c.group(1), method = c.group(2);
                if (LIBRARY.contains(name)) continue;
                String source = declared.get(name);
                if (source == null) out.add("class " + code);
                else if (method != null && !source.contains(method)) out.add("method " + code);
                continue;
            }
            Matcher p = PATH.matcher(code);
            if (p.matches() && topLevel.contains(code.substring(0, code.indexOf('/'))) && !Files.exists(root.resolve(code))
                    && !code.contains("/target/")) {
                out.add("file " + code);
            }
        }
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.contains(":")) continue; // http:, mailto:
            if (!Files.exists(doc.getParent().resolve(target))) out.add("link " + target);
        }
        return out;
    }

    @Test
    void docsNameOnlyWhatExists() throws IOException {
        Map<String, String> declared = declarations(ROOT);
        assertTrue(declared.containsKey("OdeEngine"), "the scan must see the sources under " + ROOT);
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            docs.addAll(s.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        List<String> problems = new ArrayList<>();
        for (Path doc : docs) {
            for (String m : missing(ROOT, doc, Files.readString(doc), declared)) problems.add(ROOT.relativize(doc) + ": " + m);
        }
        assertEquals(List.of(), problems, "docs name what does not exist");
    }

    /** The check can say no: a class, a method, a repository file and a link that do not exist. */
    @Test
    void findsWhatDoesNotExist() throws IOException {
        Map<String, String> declared = Map.of("OdeEngine", "enum OdeEngine { static OdeEngine of(...) }");
        String text = "`Pilot`, `OdeEngine.of`, `OdeEngine.nothing`, `Math.max`, `docs/none.md`, `docs/model.md`,"
                + " `figures/README.md`, [x](none.md), [y](model.md)";
        assertEquals(List.of("class Pilot", "method OdeEngine.nothing", "file docs/none.md", "link none.md"),
                missing(ROOT, ROOT.resolve("docs/theory.md"), text, declared));
    }
}
