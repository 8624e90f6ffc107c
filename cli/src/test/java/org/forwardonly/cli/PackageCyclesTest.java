package org.forwardonly.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout has no cycle between packages, in any module's main code: a package that uses another must not be
 * used by it, directly or through others. Read from the sources (imports and qualified names, comments and
 * strings removed), so it sees every module without a classpath; same-package references are not edges.
 */
class PackageCyclesTest {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    /** A qualified reference to a class of the project: the package part, then a capitalised name. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.forwardonly(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    /** Package → the project's packages its classes refer to. */
    static Map<String, Set<String>> packageGraph(Path root) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).flatMap(dir -> {
                try (Stream<Path> files = Files.walk(dir)) {
                    return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        for (Path f : sources) {
            String text = withoutCommentsAndStrings(Files.readString(f));
            Matcher p = PACKAGE.matcher(text);
            if (!p.find()) continue;
            String pkg = p.group(1);
            Set<String> edges = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher r = REFERENCE.matcher(text);
            while (r.find()) if (!r.group(1).equals(pkg)) edges.add(r.group(1));
        }
        return graph;
    }

    static String withoutCommentsAndStrings(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "").replaceAll("\"(\\\\.|[^\"\\\\\\n])*\"", "\"\"");
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) if (!index.containsKey(v)) connect(v, graph, index, low, stack, out, counter);
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) out.add(component);
        }
    }

    @Test
    void noCycleBetweenPackages() throws IOException {
        Map<String, Set<String>> graph = packageGraph(Path.of(".."));
        assertTrue(graph.containsKey("org.forwardonly.theory.ode") && graph.containsKey("org.forwardonly.cli"),
                "the scan must see every module's sources (found " + graph.keySet() + ")");
        List<Set<String>> cycles = cycles(graph);
        StringBuilder why = new StringBuilder();
        for (Set<String> c : cycles) {
            for (String a : c) for (String b : graph.get(a)) if (c.contains(b)) why.append("\n  ").append(a).append(" -> ").append(b);
        }
        assertEquals(List.of(), cycles, "packages that depend on each other:" + why);
    }

    /** The check can fail: a reference back from a used package is a cycle (the PepitaCommand ↔ BenchCommand kind). */
    @Test
    void findsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of(
                "a", Set.of("a.b"), "a.b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(List.of(Set.of("a", "a.b", "c")), cycles(graph));
        assertEquals("import x;  \"\" f(); ", withoutCommentsAndStrings("import x; /* org.forwardonly.a.B */ \"org.forwardonly.a.B\" "
                + "f(); // y"));
    }
}
