package org.forwardonly.notebooks.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a notebook headless with Debian's Jupyter ({@code /usr/bin/python3 -m nbconvert --execute}),
 * the same way {@code .ci/run} does. Debian's interpreter is named explicitly because another
 * python3 (without pandas or ipykernel) may come first on PATH.
 */
final class NotebookExecution {
    static final String PYTHON = "/usr/bin/python3";

    private NotebookExecution() {}

    /** Why notebooks cannot be executed here, or null when they can. */
    static String unavailableReason() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) return PYTHON + " is missing";
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import nbconvert, ipykernel, pandas, matplotlib")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                return "Debian's jupyter-nbconvert, python3-ipykernel, python3-pandas or python3-matplotlib is missing ("
                        + out.strip().lines().reduce((a, b) -> b).orElse("") + "); .ci/run installs them";
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Executes {@code notebook}; returns nbconvert's exit code and output. */
    static Result execute(Path notebook, Path executedCopy) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=python3", "--ExecutePreprocessor.timeout=300",
                "--output", executedCopy.toAbsolutePath().toString(), notebook.toAbsolutePath().toString()))
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
