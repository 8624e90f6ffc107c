package org.forwardonly.notebooks.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The JSON written follows nbformat 4.5 (the fields and types nbformat's schema requires). */
class NotebookWriterTest {

    private static final Notebook NB = new Notebook(List.of(
            Cell.markdown("# Title\n\nsome *text*\n"),
            Cell.code("import pandas as pd\nx = 1\nprint(x)"),
            Cell.code("single line")));

    @Test
    void topLevelFieldsAreNbformat45() throws Exception {
        JsonNode root = new ObjectMapper().readTree(NotebookWriter.toText(NB));
        assertEquals(4, root.get("nbformat").asInt());
        assertEquals(5, root.get("nbformat_minor").asInt());
        assertTrue(root.get("nbformat").isInt());
        JsonNode ks = root.get("metadata").get("kernelspec");
        assertEquals("python3", ks.get("name").asText());
        assertEquals("python", ks.get("language").asText());
        assertTrue(ks.get("display_name").isTextual());
        assertEquals(3, root.get("cells").size());
    }

    @Test
    void cellsHaveUniqueIdsAndTheRequiredFields() throws Exception {
        JsonNode cells = new ObjectMapper().readTree(NotebookWriter.toText(NB)).get("cells");
        Set<String> ids = new HashSet<>();
        for (JsonNode c : cells) {
            String id = c.get("id").asText();
            // nbformat 4.5 schema: ^[a-zA-Z0-9-_]+$, 1 to 64 characters, unique
            assertTrue(id.matches("^[a-zA-Z0-9-_]{1,64}$"), id);
            assertTrue(ids.add(id), "duplicate id " + id);
            assertTrue(c.get("metadata").isObject());
            assertTrue(c.get("source").isArray());
            String type = c.get("cell_type").asText();
            if (type.equals("code")) {
                assertTrue(c.get("execution_count").isNull());
                assertTrue(c.get("outputs").isArray());
                assertEquals(0, c.get("outputs").size());
            } else {
                assertEquals("markdown", type);
                assertNull(c.get("outputs"), "markdown cells have no outputs in nbformat 4");
                assertNull(c.get("execution_count"));
            }
        }
        assertEquals("markdown", cells.get(0).get("cell_type").asText());
        assertEquals("code", cells.get(1).get("cell_type").asText());
    }

    @Test
    void sourceLinesKeepTheirNewlinesAndJoinBackToTheText() throws Exception {
        JsonNode src = new ObjectMapper().readTree(NotebookWriter.toText(NB)).get("cells").get(1).get("source");
        assertEquals(3, src.size());
        assertEquals("import pandas as pd\n", src.get(0).asText());
        assertEquals("print(x)", src.get(2).asText());
        StringBuilder joined = new StringBuilder();
        src.forEach(l -> joined.append(l.asText()));
        assertEquals("import pandas as pd\nx = 1\nprint(x)", joined.toString());
    }

    @Test
    void sameNotebookSameBytes() {
        assertEquals(NotebookWriter.toText(NB), NotebookWriter.toText(new Notebook(NB.cells())));
    }
}
