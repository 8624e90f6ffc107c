package org.forwardonly.notebooks.template;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notebook runner's deadline fires even while the process keeps its output open. */
class NotebookExecutionTest {

    @Test
    void aProcessThatOutlivesItsTimeoutIsKilledAndReported() throws Exception {
        long start = System.nanoTime();
        // prints, then sleeps with stdout open: reading to the end first would wait the full 60 s
        NotebookExecution.Result r = NotebookExecution.run(List.of("bash", "-c", "echo started; sleep 60"), Duration.ofSeconds(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(-1, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("timed out after PT1S") && r.output().contains("started"), r.output());
        // 1 s deadline + up to 5 s to collect the killed process's output; far below the 60 s sleep
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    @Test
    void aProcessThatEndsInTimeGivesItsExitCodeAndOutput() throws Exception {
        NotebookExecution.Result r = NotebookExecution.run(List.of("bash", "-c", "echo done; exit 3"), Duration.ofSeconds(60));
        assertEquals(3, r.exitCode());
        assertEquals("done\n", r.output());
    }
}
