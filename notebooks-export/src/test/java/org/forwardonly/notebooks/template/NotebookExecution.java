package org.forwardonly.notebooks.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs notebooks headless exactly as CI does, through {@code .ci/execute-notebooks} (Debian's
 * /usr/bin/python3 and Jupyter, never another python3 on PATH).
 */
final class NotebookExecution {
    static final Path SCRIPT = Path.of("..", ".ci", "execute-notebooks");
    static final String PYTHON = "/usr/bin/python3";

    private NotebookExecution() {}

    /** Why notebooks cannot be executed here, or null when they can. */
    static String unavailableReason() throws InterruptedException {
        if (!Files.isExecutable(SCRIPT)) return SCRIPT + " is missing";
        if (!Files.isExecutable(Path.of(PYTHON))) return PYTHON + " is missing";
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import nbconvert, ipykernel, pandas, matplotlib")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                return "Debian's jupyter-nbconvert, python3-ipykernel, python3-pandas or python3-matplotlib is missing"
                        + " (.ci/run installs them)";
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Executes the notebooks in place; returns the script's exit code and output. */
    static Result execute(Path notebookOrDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("bash", SCRIPT.toString(), notebookOrDir.toAbsolutePath().toString()))
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) { }
}
