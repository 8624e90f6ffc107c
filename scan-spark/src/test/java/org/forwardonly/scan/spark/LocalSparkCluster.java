package org.forwardonly.scan.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: Spark's own Master and Workers, each in its
 * own JVM ({@code java -cp SPARK_HOME/jars/*}), on free ports, with a SPARK_HOME laid out as an
 * installation (SPARK_HOME/jars: symbolic links to the build's Spark jars, target/classpath.txt).
 * Workers launch executors in their own JVMs from that SPARK_HOME. {@link #close()} ends every
 * process it started and their children (executors); a shutdown hook does the same if the test JVM
 * is stopped first.
 */
final class LocalSparkCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path sparkHome;
    private final List<Path> sparkJars;
    private final List<Process> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::destroyAll, "spark-cluster-teardown");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int masterPort;
    private int masterUiPort;
    private int workersStarted;

    private LocalSparkCluster(Path dir, List<Path> sparkJars) throws IOException {
        this.dir = dir;
        this.sparkJars = sparkJars;
        this.sparkHome = makeSparkHome(dir.resolve("spark-home"), sparkJars);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts a master (no workers yet) in {@code dir}, with Spark's jars from scan-spark's target/classpath.txt. */
    static LocalSparkCluster startMaster(Path dir) throws IOException, InterruptedException {
        LocalSparkCluster c = new LocalSparkCluster(dir, buildSparkJars());
        try {
            c.masterPort = freePort();
            c.masterUiPort = freePort();
            c.processes.add(c.launch("master", c.sparkHome, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(c.masterPort), "--webui-port", String.valueOf(c.masterUiPort)));
            c.awaitAliveWorkers(0);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Spark's jars of this build (the runtime classpath of scan-spark without the project and its own libraries). */
    static List<Path> buildSparkJars() throws IOException {
        Path list = Path.of("target", "classpath.txt");
        if (!Files.isRegularFile(list)) throw new IllegalStateException(list.toAbsolutePath() + " missing: build with mvn -Pspark");
        List<Path> jars = new ArrayList<>();
        for (String s : Files.readString(list).trim().split(File.pathSeparator)) if (!s.isBlank()) jars.add(Path.of(s));
        return jars;
    }

    private static Path makeSparkHome(Path home, List<Path> jars) throws IOException {
        Files.createDirectories(home.resolve("jars"));
        for (Path j : jars) Files.createSymbolicLink(home.resolve("jars").resolve(j.getFileName()), j.toAbsolutePath());
        return home;
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** A worker with one core and 1 GB for executors, whose SPARK_HOME is the cluster's; waits until it is registered. */
    Process startWorker() throws IOException, InterruptedException {
        return startWorker(sparkHome);
    }

    /** A worker whose executors run from the given SPARK_HOME (e.g. one without jars); waits until it is registered. */
    Process startWorker(Path workerSparkHome) throws IOException, InterruptedException {
        int alive = aliveWorkers();
        int n = ++workersStarted;
        Process p = launch("worker-" + n, workerSparkHome, "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()),
                "--cores", "1", "--memory", "1g", "--work-dir", dir.resolve("work-" + n).toString(), masterUrl());
        processes.add(p);
        awaitAliveWorkers(alive + 1);
        return p;
    }

    /** Kills a worker at once (SIGKILL), its children (executors) first, as a machine that is lost. */
    void kill(Process p) throws InterruptedException {
        processes.remove(p);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private Process launch(String name, Path home, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", sparkJars.stream().map(Path::toString).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow(),
                mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // what Spark's bin/load-spark-env.sh exports: without it a worker looks for a source build to launch executors
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().remove("SPARK_CONF_DIR");
        return pb.start();
    }

    /** Workers the master counts as alive (its web UI's JSON), -1 while the master does not answer. */
    int aliveWorkers() throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return -1;
            JsonNode n = JSON.readTree(r.body());
            return n.path("aliveworkers").asInt(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until the master answers and counts exactly {@code n} alive workers. */
    void awaitAliveWorkers(int n) throws InterruptedException {
        long end = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (aliveWorkers() != n) {
            for (Process p : processes) {
                if (!p.isAlive()) throw new IllegalStateException("a cluster process ended (exit " + p.exitValue() + "); see " + dir
                        + "/*.log");
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the master did not count " + n + " alive worker(s) within " + READY_TIMEOUT.toSeconds()
                        + " s; see " + dir + "/*.log");
            }
            Thread.sleep(200);
        }
    }

    /**
     * One jar holding the classes and libraries the executors need that Spark does not have: every
     * directory of this JVM's classpath (the project's modules, in a Maven reactor build) packed
     * into a jar, and every library jar that is not one of Spark's. What {@code spark.jars} ships.
     */
    List<String> applicationJars() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Set<Path> spark = new HashSet<>();
        for (Path j : sparkJars) spark.add(j.toAbsolutePath().normalize());
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : cp.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                out.add(jarOf(p, dir.resolve("app-" + (n++) + ".jar")).toString());
            } else if (Files.isRegularFile(p) && p.toString().endsWith(".jar") && !spark.contains(p)) {
                out.add(p.toString());
            }
        }
        return out;
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), new Manifest());
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void destroyAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
