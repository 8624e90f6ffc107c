package org.forwardonly.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.config.Averaging;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.config.InitialConditions;
import org.forwardonly.theory.config.Mirroring;
import org.forwardonly.theory.rules.RuleType;
import org.forwardonly.theory.rules.Rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The one place that reads, validates and writes experiment configs (JSON). Every problem
 * becomes a {@link ConfigException} with one line naming the key.
 *
 * <p>Every key, its default, range, unit and meaning: docs/config.md (the test ConfigDocTest
 * keeps that table and {@link #KEYS}, {@link #INIT_KEYS}, {@link #MIRRORING_KEYS},
 * {@link #AVERAGING_KEYS} and the defaults here in step). An unknown key names the nearest known one ({@link NearestKey}).
 */
public final class ConfigParser {

    /** Every key a config may hold. */
    public static final List<String> KEYS = List.of(
            "rule", "activation", "teacherActivation", "K", "M", "eta", "etaV", "sigma", "sigmaF",
            "modulationSign", "lastLayer", "integrator", "dt", "rtol", "atol", "tMax", "times",
            "timeSpacing", "nTimes", "epsGBound", "seed", "N", "teacherSecondLayer", "init",
            "mirroring", "seeds", "batchSize", "testSize", "alignF", "odeEngine", "quadraturePoints", "averaging");
    /** Every key of the {@code init} object. */
    public static final List<String> INIT_KEYS = List.of("Q", "R", "T", "v", "vStar", "b", "c", "d", "P");
    /** Every key of the {@code mirroring} object. */
    public static final List<String> MIRRORING_KEYS = List.of("a", "r", "etaWm", "lambdaWm", "rescale");
    /** Every key of the {@code averaging} object. */
    public static final List<String> AVERAGING_KEYS = List.of("method", "samples", "replicates", "tolerance", "maxReplicates",
            "controlVariate", "extrapolate", "rtol", "integrator");

    /** Default σ_F: the PEPITA papers' 0.05·U(±√(6/N)) has this standard deviation × √N. */
    public static final double DEFAULT_SIGMA_F = 0.05 * Math.sqrt(2.0);

    // strict: a duplicate key, or text after the object (a second object), is an error, not "the last one wins"
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigParser() {}

    /** Reads and validates a config file. */
    public static ExperimentConfig read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(readText(file, "config"));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config " + file + " is not valid JSON: " + jsonProblem(e));
        }
        return parse(root);
    }

    /**
     * What is wrong with a JSON text, in one line with where: Jackson's message, but a duplicate key
     * or text after the object (a second object) said in the config's terms.
     */
    public static String jsonProblem(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String m = String.valueOf(e.getOriginalMessage()).replace('\n', ' ');
        if (m.startsWith("Trailing token")) return "more text after the JSON object" + where + "; a file holds one object";
        if (m.startsWith("Duplicate field ")) return "key " + m.substring("Duplicate field ".length()) + " appears twice" + where;
        return m + where;
    }

    /**
     * The text of a JSON file ({@code what}: "config", "scan spec"), as UTF-8; every problem is one
     * line saying why: no such file, a directory, no permission, UTF-16 or binary content.
     */
    public static String readText(Path file, String what) {
        return readTextOf(file, what);
    }

    /**
     * Largest config or scan spec read, 16 MB: a config is a few KB, a spec with explicit points a few MB;
     * an endless input ({@code ode - </dev/zero}) ran out of memory instead of being refused (issue 27).
     */
    public static final int MAX_TEXT_BYTES = 16 << 20;

    /** The one line for an input past {@link #MAX_TEXT_BYTES}. */
    public static String tooLong(String what) {
        return what + " is longer than " + (MAX_TEXT_BYTES >> 20) + " MB; a config is a few KB (is it the right file?)";
    }

    private static String readTextOf(Path file, String what) {
        if (Files.isDirectory(file)) throw new ConfigException(what + " " + file + " is a directory, not a JSON file");
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_TEXT_BYTES) throw new ConfigException(tooLong(what + " " + file));
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("cannot read " + what + " " + file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ConfigException("cannot read " + what + " " + file + ": permission denied");
        } catch (IOException | OutOfMemoryError e) {
            throw new ConfigException("cannot read " + what + " " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " " + e.getMessage() : ""));
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new ConfigException(what + " " + file + " is UTF-16 text; save it as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ConfigException(what + " " + file + " is not a text file (a NUL byte at offset " + i
                        + "; UTF-16 or binary?); it must be UTF-8 JSON");
            }
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(what + " " + file + " is not UTF-8 text (binary, or another encoding); it must be UTF-8 JSON");
        }
    }

    /** Parses and validates a JSON string. */
    public static ExperimentConfig parse(String json) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config is not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
        }
    }

    /** Parses and validates a JSON tree. */
    public static ExperimentConfig parse(JsonNode root) {
        return parse(root, null);
    }

    /**
     * Edits a resolved config: the keys of {@code edits} replace {@code base}'s, every other key keeps
     * {@code base}'s resolved value (not its default: etaV stays base's when eta changes), and the
     * result is validated as a whole ({@code compare --ode-set}, {@code --ode-rule}). The model is
     * edited once, without writing {@code base} out as JSON and reading it back.
     *
     * @param edits top-level keys and their new values (a nested object replaces the whole object)
     * @param base  the resolved config being edited
     */
    public static ExperimentConfig edit(JsonNode edits, ExperimentConfig base) {
        return parse(edits, java.util.Objects.requireNonNull(base));
    }

    /** Parses {@code root}; a key it lacks takes {@code base}'s value, or its default when base is null. */
    private static ExperimentConfig parse(JsonNode root, ExperimentConfig base) {
        boolean b0 = base == null;
        if (root == null || !root.isObject()) {
            throw new ConfigException("config must be a JSON object");
        }
        checkKeys(root, KEYS, "");
        // the config boundary: names become the model's objects here, once (docs/extending.md)
        RuleType rule = Rules.byName(requireText(root, "rule", b0 ? null : base.rule().name(), Set.copyOf(Rules.names())));
        Set<String> activations = Set.copyOf(Activation.configNames());
        Activation activation = Activation.fromConfigName(
                requireText(root, "activation", b0 ? "erf" : base.activation().configName(), activations));
        Activation teacherActivation = Activation.fromConfigName(
                requireText(root, "teacherActivation",
                        (b0 ? activation : base.teacherActivation()).configName(), activations));
        int K = intKey(root, "K", b0 ? null : base.K(), 1, 10_000);
        int M = intKey(root, "M", b0 ? null : base.M(), 1, 10_000);
        double eta = rate(root, "eta", b0 ? 1.0 : base.eta());
        double etaV = rate(root, "etaV", b0 ? eta : base.etaV());
        double sigma = rate(root, "sigma", b0 ? 0.0 : base.sigma());
        double sigmaF = rate(root, "sigmaF", b0 ? DEFAULT_SIGMA_F : base.sigmaF());
        JsonNode sign = root.get("modulationSign");
        int s = sign == null || sign.isNull() ? (b0 ? -1 : base.modulationSign()) : sign.isNumber() ? (int) Math.signum(sign.asDouble()) : 0;
        if (sign != null && !sign.isNull() && !(sign.isNumber() && Math.abs(sign.asDouble()) == 1)) {
            throw new ConfigException("key 'modulationSign': must be -1 or +1 (got " + sign + ")");
        }
        String lastLayer = requireText(root, "lastLayer", b0 ? "htilde" : base.lastLayer(), Set.of("htilde", "h"));
        String integrator = requireText(root, "integrator", b0 ? "dp853" : base.integrator(), Set.of("euler", "rk4", "dp54", "dp853"));
        double dt = positive(root, "dt", b0 ? 0.01 : base.dt());
        double rtol = positive(root, "rtol", b0 ? 1e-9 : base.rtol());
        double atol = positive(root, "atol", b0 ? 1e-12 : base.atol());
        double tMax = positive(root, "tMax", b0 ? 100.0 : base.tMax());
        List<Double> times = root.has("times") || b0 ? times(root, tMax) : checkTimes(base.times(), tMax);
        String timeSpacing = requireText(root, "timeSpacing", b0 ? "log" : base.timeSpacing(), Set.of("log", "linear"));
        int nTimes = intKey(root, "nTimes", b0 ? 100 : base.nTimes(), 2, 10_000_000);
        double epsGBound = positive(root, "epsGBound", b0 ? 100.0 : base.epsGBound());
        long seed = longKey(root, "seed", b0 ? 0L : base.seed());
        int N = intKey(root, "N", b0 ? 1000 : base.N(), 1, Integer.MAX_VALUE);
        String teacherSecondLayer = requireText(root, "teacherSecondLayer", b0 ? "ones" : base.teacherSecondLayer(), Set.of("ones", "gaussian"));
        InitialConditions init = root.has("init") ? init(root.get("init"), rule, K, M)
                : b0 || base.init() == null ? null : checkInit(base.init(), rule, K, M);
        Mirroring mirroring = root.has("mirroring") ? mirroring(root.get("mirroring")) : b0 ? null : base.mirroring();
        if (mirroring != null && !rule.usesF()) {
            throw new ConfigException("key 'mirroring': only for rules that use F (" + namesWhere(RuleType::usesF) + "), not '" + rule + "'");
        }
        int seeds = intKey(root, "seeds", b0 ? 1 : base.seeds(), 1, 1_000_000);
        int batchSize = intKey(root, "batchSize", b0 ? 1 : base.batchSize(), 1, 1_000_000);
        int testSize = intKey(root, "testSize", b0 ? 0 : base.testSize(), 0, 100_000_000);
        String odeEngine = requireText(root, "odeEngine", b0 ? "auto" : base.odeEngine(), Set.of("auto", "closedForm", "quadrature"));
        int quadraturePoints = intKey(root, "quadraturePoints", b0 ? 12 : base.quadraturePoints(), 2, 40);
        Averaging averaging = root.has("averaging") ? averaging(root.get("averaging")) : b0 ? Averaging.DEFAULT : base.averaging();
        double alignF = root.has("alignF") ? number(root.get("alignF"), "alignF") : b0 ? 0.0 : base.alignF();
        if (alignF < -1 || alignF > 1) {
            throw new ConfigException("key 'alignF': must be between -1 and 1 (got " + root.get("alignF") + ")");
        }
        // issue 27: keys a rule does not use were ignored in silence (mirroring with bp was already refused)
        if (alignF != 0 && !rule.usesF()) {
            throw new ConfigException("key 'alignF': only for rules that use F (" + namesWhere(RuleType::usesF) + "), not '" + rule
                    + "' (got " + alignF + ")");
        }
        if (!lastLayer.equals("htilde") && !rule.modulatedPass()) {
            throw new ConfigException("key 'lastLayer': only for rules with a modulated pass (" + namesWhere(RuleType::modulatedPass)
                    + "), not '" + rule
                    + "' (got \"" + lastLayer + "\")");
        }
        if ((root.has("dt") || !b0) && (integrator.equals("euler") || integrator.equals("rk4")) && dt > tMax) {
            // issue 27: euler with dt 10 to tMax 5 took one step of 5 and reported it as a run
            throw new ConfigException("key 'dt': must be at most tMax = " + tMax + " for " + integrator + " (got " + dt
                    + "); a step longer than the run is not an integration");
        }
        return new ExperimentConfig(rule, activation, teacherActivation, K, M, eta, etaV, sigma, sigmaF, s,
                lastLayer, integrator, dt, rtol, atol, tMax, times, timeSpacing, nTimes, epsGBound, seed, N,
                teacherSecondLayer, init, mirroring, seeds, batchSize, testSize, alignF, odeEngine, quadraturePoints, averaging);
    }

    /** The resolved config as JSON, with every default filled in (for DIR/config.json). */
    public static ObjectNode toJson(ExperimentConfig c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("rule", c.rule().name());
        o.put("activation", c.activation().configName());
        o.put("teacherActivation", c.teacherActivation().configName());
        o.put("K", c.K());
        o.put("M", c.M());
        o.put("eta", c.eta());
        o.put("etaV", c.etaV());
        o.put("sigma", c.sigma());
        o.put("sigmaF", c.sigmaF());
        o.put("modulationSign", c.modulationSign());
        o.put("lastLayer", c.lastLayer());
        o.put("integrator", c.integrator());
        o.put("dt", c.dt());
        o.put("rtol", c.rtol());
        o.put("atol", c.atol());
        o.put("tMax", c.tMax());
        if (c.times() != null) {
            ArrayNode t = o.putArray("times");
            c.times().forEach(t::add);
        }
        o.put("timeSpacing", c.timeSpacing());
        o.put("nTimes", c.nTimes());
        o.put("epsGBound", c.epsGBound());
        o.put("seed", c.seed());
        o.put("N", c.N());
        o.put("teacherSecondLayer", c.teacherSecondLayer());
        if (c.init() != null) {
            InitialConditions i = c.init();
            ObjectNode n = o.putObject("init");
            putMatrix(n, "Q", i.Q());
            putMatrix(n, "R", i.R());
            putMatrix(n, "T", i.T());
            putVector(n, "v", i.v());
            putVector(n, "vStar", i.vStar());
            putVector(n, "b", i.b());
            putVector(n, "c", i.c());
            putVector(n, "d", i.d());
            if (!Double.isNaN(i.P())) n.put("P", i.P());
        }
        if (c.mirroring() != null) {
            Mirroring m = c.mirroring();
            ObjectNode n = o.putObject("mirroring");
            n.put("a", m.a());
            n.put("r", m.r());
            n.put("etaWm", m.etaWm());
            n.put("lambdaWm", m.lambdaWm());
            n.put("rescale", m.rescale());
        }
        o.put("seeds", c.seeds());
        o.put("batchSize", c.batchSize());
        o.put("testSize", c.testSize());
        o.put("alignF", c.alignF());
        o.put("odeEngine", c.odeEngine());
        o.put("quadraturePoints", c.quadraturePoints());
        ObjectNode av = o.putObject("averaging");
        av.put("method", c.averaging().method());
        av.put("samples", c.averaging().samples());
        av.put("replicates", c.averaging().replicates());
        av.put("tolerance", c.averaging().tolerance());
        av.put("maxReplicates", c.averaging().maxReplicates());
        av.put("controlVariate", c.averaging().controlVariate());
        av.put("extrapolate", c.averaging().extrapolate());
        if (Double.isNaN(c.averaging().rtol())) av.put("rtol", "auto");
        else av.put("rtol", c.averaging().rtol());
        av.put("integrator", c.averaging().integrator());
        return o;
    }

    /** Pretty-printed JSON text of a tree. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared mapper (for callers that read scan specs and the like). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void putVector(ObjectNode n, String key, double[] x) {
        if (x == null) return;
        ArrayNode a = n.putArray(key);
        for (double d : x) a.add(d);
    }

    private static void putMatrix(ObjectNode n, String key, double[][] x) {
        ArrayNode a = n.putArray(key);
        for (double[] row : x) {
            ArrayNode r = a.addArray();
            for (double d : row) r.add(d);
        }
    }

    // ---------------------------------------------------------------- validation helpers

    private static void checkKeys(JsonNode node, List<String> allowed, String prefix) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                List<String> candidates = new ArrayList<>(allowed);
                if (prefix.isEmpty()) {
                    MIRRORING_KEYS.forEach(m -> candidates.add("mirroring." + m));
                    AVERAGING_KEYS.forEach(m -> candidates.add("averaging." + m));
                }
                String hint = NearestKey.of(k, candidates).map(m -> "did you mean '" + prefix + m + "'? ").orElse("");
                throw new ConfigException("unknown key '" + prefix + k + "' (" + hint + "allowed: " + String.join(", ", allowed)
                        + "; docs/config.md)");
            }
        }
    }

    private static String requireText(JsonNode root, String key, String dflt, Set<String> allowed) {
        return requireText(root, "", key, dflt, allowed);
    }

    /** A text key of an object nested under {@code prefix} ("averaging."), named in full in messages. */
    private static String requireText(JsonNode root, String prefix, String shortKey, String dflt, Set<String> allowed) {
        JsonNode n = root.get(shortKey);
        String key = prefix + shortKey;
        if (n == null || n.isNull()) {
            if (dflt == null) throw new ConfigException("missing key '" + key + "' (allowed: " + sorted(allowed) + ")");
            return dflt;
        }
        if (!n.isTextual() || !allowed.contains(n.asText())) {
            throw new ConfigException("key '" + key + "': " + n + " is not allowed (allowed: " + sorted(allowed) + ")");
        }
        return n.asText();
    }

    /**
     * The registered rules with a property, as messages list them: sorted with pepita (the paper's rule)
     * first, as the messages wrote them before the registry ("pepita, afa, ff").
     */
    private static String namesWhere(java.util.function.Predicate<RuleType> property) {
        List<String> names = new ArrayList<>();
        for (RuleType r : Rules.all()) if (property.test(r)) names.add(r.name());
        names.sort(java.util.Comparator.comparing((String n) -> !n.equals(Rules.PEPITA.name())).thenComparing(n -> n));
        return String.join(", ", names);
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", new java.util.TreeSet<>(s));
    }

    private static int intKey(JsonNode root, String key, Integer dflt, int min, int max) {
        return intKey(root, "", key, dflt, min, max);
    }

    /** An integer key of an object nested under {@code prefix} ("mirroring."), named in full in messages. */
    private static int intKey(JsonNode root, String prefix, String shortKey, Integer dflt, int min, int max) {
        JsonNode n = root.get(shortKey);
        String key = prefix + shortKey;
        if (n == null || n.isNull()) {
            if (dflt == null) throw new ConfigException("missing key '" + key + "' (an integer from " + min + ")");
            return dflt;
        }
        if (!n.isIntegralNumber() && !(n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))) {
            throw new ConfigException("key '" + key + "': must be an integer from " + min + " to " + max + " (got " + n + ")");
        }
        double d = n.asDouble();
        if (d < min || d > max) {
            throw new ConfigException("key '" + key + "': must be between " + min + " and " + max + " (got " + n + ")");
        }
        return (int) d;
    }

    private static long longKey(JsonNode root, String key, long dflt) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return dflt;
        // exact: an integer that fits a long (a double only while it is an integer below 2^53), never wrapped
        boolean exact = n.isIntegralNumber() ? n.canConvertToLong()
                : n.isNumber() && n.asDouble() == Math.rint(n.asDouble()) && Math.abs(n.asDouble()) < 0x1p53;
        if (!exact) {
            throw new ConfigException("key '" + key + "': must be an integer from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + " (got " + n + ")");
        }
        return n.isIntegralNumber() ? n.asLong() : (long) n.asDouble();
    }

    private static double number(JsonNode node, String key) {
        if (node == null || !node.isNumber()) {
            throw new ConfigException("key '" + key + "': must be a number (got " + node + ")");
        }
        double d = node.asDouble();
        if (!Double.isFinite(d)) throw new ConfigException("key '" + key + "': must be finite (got " + node + ")");
        return d;
    }

    /** A rate: finite and ≥ 0. */
    private static double rate(JsonNode root, String key, double dflt) {
        return rate(root, "", key, dflt);
    }

    private static double rate(JsonNode root, String prefix, String shortKey, double dflt) {
        JsonNode n = root.get(shortKey);
        String key = prefix + shortKey;
        if (n == null || n.isNull()) return dflt;
        double d = number(n, key);
        if (d < 0) throw new ConfigException("key '" + key + "': must be >= 0 (got " + n + ")");
        return d;
    }

    private static double positive(JsonNode root, String key, double dflt) {
        return positive(root, "", key, dflt);
    }

    private static double positive(JsonNode root, String prefix, String shortKey, double dflt) {
        JsonNode n = root.get(shortKey);
        String key = prefix + shortKey;
        if (n == null || n.isNull()) return dflt;
        double d = number(n, key);
        if (d <= 0) throw new ConfigException("key '" + key + "': must be > 0 (got " + n + ")");
        return d;
    }

    private static List<Double> times(JsonNode root, double tMax) {
        JsonNode n = root.get("times");
        if (n == null || n.isNull()) return null;
        if (!n.isArray() || n.isEmpty()) throw new ConfigException("key 'times': must be a non-empty list of numbers");
        List<Double> out = new ArrayList<>();
        double prev = -1;
        for (JsonNode e : n) {
            double t = number(e, "times");
            if (t < 0 || t > tMax) throw new ConfigException("key 'times': " + t + " is outside [0, tMax=" + tMax + "]");
            if (t <= prev) throw new ConfigException("key 'times': must be strictly increasing (" + t + " after " + prev + ")");
            out.add(t);
            prev = t;
        }
        return List.copyOf(out);
    }

    private static Mirroring mirroring(JsonNode n) {
        if (!n.isObject()) throw new ConfigException("key 'mirroring': must be an object with keys " + MIRRORING_KEYS);
        checkKeys(n, MIRRORING_KEYS, "mirroring.");
        double a = positive(n, "mirroring.", "a", 1.0);
        int r = intKey(n, "mirroring.", "r", 1, 1, 1000);
        double etaWm = rate(n, "mirroring.", "etaWm", 0.5);
        double lambdaWm = rate(n, "mirroring.", "lambdaWm", 1.0);
        JsonNode rs = n.get("rescale");
        if (rs != null && !rs.isBoolean()) throw new ConfigException("key 'mirroring.rescale': must be true or false (got " + rs + ")");
        return new Mirroring(a, r, etaWm, lambdaWm, rs != null && rs.asBoolean());
    }

    private static Averaging averaging(JsonNode n) {
        if (!n.isObject()) throw new ConfigException("key 'averaging': must be an object with keys " + AVERAGING_KEYS);
        checkKeys(n, AVERAGING_KEYS, "averaging.");
        Averaging d = Averaging.DEFAULT;
        // keys named in full (averaging.samples) in messages, like mirroring's
        String method = requireText(n, "averaging.", "method", d.method(), Set.of("auto", "tensor", "sobol"));
        int samples = intKey(n, "averaging.", "samples", d.samples(), 16, 1 << 24);
        int replicates = intKey(n, "averaging.", "replicates", d.replicates(), 2, 1024);
        double tolerance = positive(n, "averaging.", "tolerance", d.tolerance());
        int maxReplicates = intKey(n, "averaging.", "maxReplicates", Math.max(d.maxReplicates(), replicates), 2, 1024);
        if (maxReplicates < replicates) {
            throw new ConfigException("key 'averaging.maxReplicates': must be >= averaging.replicates = " + replicates
                    + " (got " + maxReplicates + ")");
        }
        JsonNode cv = n.get("controlVariate");
        if (cv != null && !cv.isBoolean()) {
            throw new ConfigException("key 'averaging.controlVariate': must be true or false (got " + cv + ")");
        }
        JsonNode ex = n.get("extrapolate");
        if (ex != null && !ex.isBoolean()) {
            throw new ConfigException("key 'averaging.extrapolate': must be true or false (got " + ex + ")");
        }
        // "auto" (or absent): max(rtol, tolerance/100), see Averaging#integratorRtol
        JsonNode rt = n.get("rtol");
        if (rt != null && rt.isTextual() && !rt.asText().equals("auto")) {
            throw new ConfigException("key 'averaging.rtol': must be a number > 0 or \"auto\" (got " + rt + ")");
        }
        double rtol = rt == null || rt.isTextual() ? Double.NaN : positive(n, "averaging.", "rtol", Double.NaN);
        String integrator = requireText(n, "averaging.", "integrator", d.integrator(), Set.of("auto", "dp54", "dp853"));
        return new Averaging(method, samples, replicates, tolerance, maxReplicates, cv == null ? d.controlVariate() : cv.asBoolean(),
                ex == null ? d.extrapolate() : ex.asBoolean(), rtol, integrator);
    }

    private static InitialConditions init(JsonNode n, RuleType rule, int K, int M) {
        if (!n.isObject()) throw new ConfigException("key 'init': must be an object with keys " + INIT_KEYS);
        checkKeys(n, INIT_KEYS, "init.");
        double[][] Q = matrix(n, "Q", K, K, true);
        double[][] R = matrix(n, "R", K, M, true);
        double[][] T = matrix(n, "T", M, M, true);
        double[] v = vector(n, "v", K, true);
        double[] vStar = vector(n, "vStar", M, true);
        checkSymmetricPositiveDefinite(Q, "init.Q");
        checkSymmetricPositiveDefinite(T, "init.T");
        double[] b = vector(n, "b", K, rule.hasB());
        boolean usesF = rule.usesF();
        double[] c = vector(n, "c", K, usesF);
        double[] d = vector(n, "d", M, usesF);
        double P = Double.NaN;
        if (n.has("P")) {
            P = number(n.get("P"), "init.P");
            if (P <= 0) throw new ConfigException("key 'init.P': must be > 0 (got " + P + ")");
        } else if (usesF) {
            throw new ConfigException("missing key 'init.P' (rule '" + rule + "' needs |F|^2 in init)");
        }
        return new InitialConditions(Q, R, T, v, vStar, b, c, d, P);
    }

    /** An edited config's times, which must still fit its tMax (as {@link #times} checks them). */
    private static List<Double> checkTimes(List<Double> times, double tMax) {
        if (times == null) return null;
        for (double t : times) {
            if (t < 0 || t > tMax) throw new ConfigException("key 'times': " + t + " is outside [0, tMax=" + tMax + "]");
        }
        return times;
    }

    /**
     * An edited config's resolved init, checked against its rule, K and M with {@link #init}'s messages
     * (its values were checked when it was first read).
     */
    private static InitialConditions checkInit(InitialConditions i, RuleType rule, int K, int M) {
        checkMatrix(i.Q(), "Q", K, K);
        checkMatrix(i.R(), "R", K, M);
        checkMatrix(i.T(), "T", M, M);
        checkVector(i.v(), "v", K, true);
        checkVector(i.vStar(), "vStar", M, true);
        checkVector(i.b(), "b", K, rule.hasB());
        checkVector(i.c(), "c", K, rule.usesF());
        checkVector(i.d(), "d", M, rule.usesF());
        if (Double.isNaN(i.P()) && rule.usesF()) {
            throw new ConfigException("missing key 'init.P' (rule '" + rule + "' needs |F|^2 in init)");
        }
        return i;
    }

    private static void checkVector(double[] x, String key, int len, boolean required) {
        if (x == null) {
            if (required) throw new ConfigException("missing key 'init." + key + "' (a list of " + len + " numbers)");
            return;
        }
        if (x.length != len) {
            throw new ConfigException("key 'init." + key + "': must be a list of " + len + " numbers (got " + x.length + " entries)");
        }
    }

    private static void checkMatrix(double[][] x, String key, int rows, int cols) {
        if (x.length != rows) {
            throw new ConfigException("key 'init." + key + "': must be a " + rows + "x" + cols + " matrix (list of "
                    + rows + " rows)");
        }
        for (int i = 0; i < rows; i++) {
            if (x[i].length != cols) {
                throw new ConfigException("key 'init." + key + "': row " + (i + 1) + " must have " + cols + " entries (a "
                        + rows + "x" + cols + " matrix)");
            }
        }
    }

    private static double[] vector(JsonNode parent, String key, int len, boolean required) {
        JsonNode n = parent.get(key);
        String name = "init." + key;
        if (n == null || n.isNull()) {
            if (required) throw new ConfigException("missing key '" + name + "' (a list of " + len + " numbers)");
            return null;
        }
        if (!n.isArray() || n.size() != len) {
            throw new ConfigException("key '" + name + "': must be a list of " + len + " numbers (got "
                    + (n.isArray() ? n.size() + " entries" : n.getNodeType().toString().toLowerCase()) + ")");
        }
        double[] out = new double[len];
        for (int i = 0; i < len; i++) out[i] = number(n.get(i), name);
        return out;
    }

    private static double[][] matrix(JsonNode parent, String key, int rows, int cols, boolean required) {
        JsonNode n = parent.get(key);
        String name = "init." + key;
        if (n == null || n.isNull()) {
            if (required) throw new ConfigException("missing key '" + name + "' (a " + rows + "x" + cols + " matrix)");
            return null;
        }
        if (!n.isArray() || n.size() != rows) {
            throw new ConfigException("key '" + name + "': must be a " + rows + "x" + cols + " matrix (list of "
                    + rows + " rows)");
        }
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            JsonNode row = n.get(i);
            if (!row.isArray() || row.size() != cols) {
                throw new ConfigException("key '" + name + "': row " + (i + 1) + " must have " + cols + " entries (a "
                        + rows + "x" + cols + " matrix)");
            }
            for (int j = 0; j < cols; j++) out[i][j] = number(row.get(j), name);
        }
        return out;
    }

    /** Symmetric within 1e-12 relative, and positive-definite (Cholesky succeeds). */
    static void checkSymmetricPositiveDefinite(double[][] A, String key) {
        int n = A.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double tol = 1e-12 * Math.max(1.0, Math.abs(A[i][j]) + Math.abs(A[j][i]));
                if (Math.abs(A[i][j] - A[j][i]) > tol) {
                    throw new ConfigException("key '" + key + "': must be symmetric (entry [" + (i + 1) + "][" + (j + 1)
                            + "] = " + A[i][j] + " but [" + (j + 1) + "][" + (i + 1) + "] = " + A[j][i] + ")");
                }
            }
        }
        // Cholesky: a non-positive pivot means the matrix is not positive-definite
        double[][] L = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = A[i][j];
                for (int k = 0; k < j; k++) sum -= L[i][k] * L[j][k];
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new ConfigException("key '" + key + "': must be positive-definite (it is a covariance of local fields)");
                    }
                    L[i][i] = Math.sqrt(sum);
                } else {
                    L[i][j] = sum / L[j][j];
                }
            }
        }
    }

}
