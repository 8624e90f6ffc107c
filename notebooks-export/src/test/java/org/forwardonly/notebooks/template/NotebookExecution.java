package org.forwardonly.notebooks.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** The longest a notebook execution may take before it is killed. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** Executes the notebooks in place; returns the script's exit code and output (exit −1 after {@link #TIMEOUT}). */
    static Result execute(Path notebookOrDir) throws IOException, InterruptedException {
        return run(List.of("bash", SCRIPT.toString(), notebookOrDir.toAbsolutePath().toString()), TIMEOUT);
    }

    /**
     * Runs {@code command} with a deadline. Its output is drained on another thread while this one
     * waits with the timeout (reading to the end first would block until the process ends, so the
     * timeout could never fire); on timeout the process tree is killed and the exit code is −1.
     */
    static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process was killed: keep what was read
            }
        }, "notebook-output");
        drain.setDaemon(true);
        drain.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            drain.join(5000);
            return new Result(-1, "timed out after " + timeout + "\n" + out.toString(StandardCharsets.UTF_8));
        }
        drain.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) { }
}
