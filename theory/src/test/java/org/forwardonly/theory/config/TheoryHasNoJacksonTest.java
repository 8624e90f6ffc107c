package org.forwardonly.theory.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * theory holds the typed model and the numerics, not JSON or YAML (issue 25): reading configs is module
 * config's job, at the edge. Fails when theory's pom names Jackson or SnakeYAML, when a source of theory's
 * main code mentions them, or when either reaches theory's classpath by any route (a transitive dependency too).
 */
class TheoryHasNoJacksonTest {

    /** What JSON/YAML code looks like in a pom or a source: Jackson's and SnakeYAML's packages. */
    static final List<String> FORBIDDEN = List.of("com.fasterxml", "org.yaml.snakeyaml");

    /** The forbidden names found in {@code text}, each once. */
    static List<String> found(String text) {
        List<String> out = new ArrayList<>();
        for (String f : FORBIDDEN) if (text.contains(f)) out.add(f);
        return out;
    }

    @Test
    void theoryPomHasNoJsonOrYamlDependency() throws IOException {
        Path pom = Path.of("pom.xml"); // surefire runs in the module's directory
        assertTrue(Files.readString(pom).contains("<artifactId>theory</artifactId>"), "not theory's pom: " + pom.toAbsolutePath());
        assertEquals(List.of(), found(Files.readString(pom)), "theory/pom.xml must not depend on JSON/YAML (module config reads configs)");
    }

    @Test
    void theorySourcesNameNoJsonOrYamlLibrary() throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> hits = found(Files.readString(f));
                if (!hits.isEmpty()) bad.add(f + " " + hits);
            }
        }
        assertEquals(List.of(), bad, "theory's main code must not use Jackson or SnakeYAML (module config reads configs)");
    }

    @Test
    void jacksonIsNotOnTheoryClasspath() {
        for (String c : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory",
                "com.fasterxml.jackson.dataformat.yaml.YAMLFactory", "org.yaml.snakeyaml.Yaml")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(c),
                    c + " is on theory's classpath: a dependency of theory brings JSON/YAML in");
        }
    }

    /** The check can fail: a pom line or an import naming Jackson is found. */
    @Test
    void findsJackson() {
        assertEquals(List.of("com.fasterxml"), found("<groupId>com.fasterxml.jackson.core</groupId>"));
        assertEquals(List.of("com.fasterxml"), found("import com.fasterxml.jackson.databind.JsonNode;"));
        assertEquals(List.of(), found("import org.hipparchus.ode.ODEIntegrator;"));
    }
}
