package org.forwardonly.theory.ode;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.integrals.ClosedFormAverages;
import org.forwardonly.theory.integrals.WeightedAverages;
import org.forwardonly.theory.rules.FeedbackRule;
import org.forwardonly.theory.rules.LearningRule;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.state.FieldCovariance;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;

/**
 * The closed-form ODEs of docs/model.md §4 for the feedback-driven rules bp, fa and afa with erf or
 * linear activations (student and teacher alike). One code path: the rules differ only in the
 * feedback b they supply ({@link FeedbackRule#feedback}). With the noiseless error
 * e = Σ_c w_c g(u_c) (w = (v, −v*)), the drift of the first layer towards field b is
 * D_k(b) = −E[g'(λ_k) b e] = −Σ_c w_c I3(k, b, c), and
 *
 * <pre>
 *   dR_kn/dt = η b_k D_k(ν_n)
 *   dQ_kl/dt = η (b_k D_k(λ_l) + b_l D_l(λ_k)) + (η²/B) b_k b_l [Σ_cd w_c w_d I4(k,l,c,d) + σ² J2(k,l)]
 *   dv_k/dt  = −η_v Σ_c w_c I2(k,c)  [ − η_v s c_k E[e² g'(λ_k)]  for afa with lastLayer = htilde ]
 *   dc_k/dt  = η b_k D_k(φ),  dd/dt = 0,  dP/dt = 0                            (afa)
 * </pre>
 *
 * B is the minibatch size (docs/model.md §7). Holds scratch buffers: one instance per thread. The I4
 * sums may be split over helper threads ({@link StudentPairI4}) with bitwise the same results; then
 * {@link #close()} stops them.
 */
public final class ClosedFormDynamics implements OrderParameterDynamics {
    private final StateLayout layout;
    private final FieldCovariance covariance;
    private final WeightedAverages averages;
    private final FeedbackRule rule;
    private final int K, M, nG, phi;
    private final double eta, etaV, sigma2, s, etaSquaredOverB;
    private final boolean modulatedLastLayer, modulatedInput;
    private final double[] vStar, bFixed;
    // scratch
    private final double[] C, w, v, c, feedback;
    /** E[e² g'(λ_k)] (σ² ζ² included) of the current state: h̃'s last layer and x̃'s β both need it, each sum of asin once. */
    private final double[] eSquaredGPrime;
    private final StudentPairI4 pairI4;
    /**
     * The state the averages are prepared for: {@link #epsG} right after {@link #derivatives} of the same
     * state (every step of the fixed-step loop, for its divergence check) neither loads it again nor
     * recomputes the students' I2 arcsines (ErfWeightedAverages keeps them); the same values, so the same bits.
     */
    private final double[] loadedY;
    private boolean loaded;

    /**
     * @param config    rule (bp|fa|afa), activation (= teacherActivation, erf|linear), eta, etaV,
     *                  sigma, modulationSign, lastLayer, batchSize
     * @param constants supplies T, v* and (fa) b; K and M must match the config
     */
    public ClosedFormDynamics(ExperimentConfig config, OrderParameters constants) {
        this(config, constants, 1);
    }

    /**
     * As {@link #ClosedFormDynamics(ExperimentConfig, OrderParameters)}, with the I4 sums of dQ/dt
     * computed by {@code threads} threads (the caller and threads − 1 daemon helpers; results do
     * not depend on it). Close the dynamics when done.
     */
    public ClosedFormDynamics(ExperimentConfig config, OrderParameters constants, int threads) {
        this(config, constants, threads, config.learningRule());
    }

    /**
     * First-order PEPITA ({@link org.forwardonly.theory.rules.AdaptiveFeedbackAlignment#firstOrderPepita}) in
     * closed form, on one thread: the exact engine's control variate (docs/model.md §8).
     */
    static ClosedFormDynamics firstOrderPepita(ExperimentConfig config, OrderParameters constants) {
        return new ClosedFormDynamics(config, constants, 1,
                org.forwardonly.theory.rules.AdaptiveFeedbackAlignment.firstOrderPepita(config.modulatedLastLayer()));
    }

    private ClosedFormDynamics(ExperimentConfig config, OrderParameters constants, int threads, LearningRule r) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        if (!(r instanceof FeedbackRule fr)) {
            throw new IllegalArgumentException("rule '" + config.rule() + "' has no closed-form ODE (closed forms: bp, fa, afa)");
        }
        Activation g = config.activation();
        if (g != config.teacherActivation() || !ClosedFormAverages.has(g)) {
            throw new IllegalArgumentException("closed forms need activation = teacherActivation in {erf, linear} (got "
                    + config.activation() + " / " + config.teacherActivation() + ")");
        }
        if (constants.K() != config.K() || constants.M() != config.M()) {
            throw new IllegalArgumentException("initial conditions have K=" + constants.K() + ", M=" + constants.M()
                    + " but the config has K=" + config.K() + ", M=" + config.M());
        }
        this.rule = fr;
        this.layout = StateLayout.forRule(config.rule(), config.K(), config.M());
        this.covariance = new FieldCovariance(layout, constants.T());
        this.K = config.K();
        this.M = config.M();
        this.nG = K + M;
        this.phi = covariance.phi();
        ClosedFormAverages kind = ClosedFormAverages.of(g);
        this.averages = WeightedAverages.create(kind, K, nG, covariance.size());
        this.eta = config.eta();
        this.etaV = config.etaV();
        this.sigma2 = config.sigma() * config.sigma();
        this.s = config.modulationSign();
        this.etaSquaredOverB = eta * eta / config.batchSize();
        this.modulatedLastLayer = fr.secondLayerFromModulatedPass();
        this.modulatedInput = fr.modulatedInput();
        this.vStar = constants.vStar().clone();
        if (layout.hasB() && constants.b() == null) throw new IllegalArgumentException("rule 'fa' needs the feedback b");
        this.bFixed = layout.hasB() ? constants.b().clone() : new double[K];
        int n = covariance.size();
        C = new double[n * n];
        w = new double[nG];
        v = new double[K];
        c = new double[K];
        feedback = new double[K];
        eSquaredGPrime = new double[K];
        loadedY = new double[layout.dimension()];
        pairI4 = new StudentPairI4(averages, kind, K, nG, n, threads); // last: starts the helpers
    }

    /** Threads computing the I4 sums, the caller included. */
    public int threads() {
        return pairI4.threads();
    }

    /**
     * Fraction of the evaluations so far whose I4 sums used the helper threads: the split measures
     * whether they pay and works alone when they do not ({@link org.forwardonly.theory.concurrent.ItemSplit}).
     */
    public double helperShare() {
        return pairI4.helperShare();
    }

    /**
     * Evaluation times of the split's last probes with and without helpers, ns ({@link
     * org.forwardonly.theory.concurrent.ItemSplit#lastProbeNanos()}).
     */
    public double[] lastProbeNanos() {
        return pairI4.lastProbeNanos();
    }

    /** Stops the helper threads (if any). */
    @Override
    public void close() {
        pairI4.close();
    }

    @Override
    public StateLayout layout() {
        return layout;
    }

    /** Loads the covariance and weights of state y and prepares the averages. */
    private void load(double[] y) {
        System.arraycopy(y, 0, loadedY, 0, loadedY.length);
        loaded = true;
        covariance.fill(y, C);
        for (int k = 0; k < K; k++) {
            v[k] = y[layout.vIndex(k)];
            w[k] = v[k];
        }
        for (int m = 0; m < M; m++) w[K + m] = -vStar[m];
        if (layout.hasF()) {
            for (int k = 0; k < K; k++) c[k] = y[layout.cIndex(k)];
        }
        averages.prepare(C, w);
    }

    @Override
    public void derivatives(double[] y, double[] yDot) {
        load(y);
        rule.feedback(v, bFixed, c, s, feedback);
        pairI4.start(C, w); // helpers compute I4 sums while this thread does the rest
        WeightedAverages avg = averages;
        if (modulatedLastLayer || modulatedInput) {
            for (int k = 0; k < K; k++) eSquaredGPrime[k] = avg.weightedGPrimeGG(k) + sigma2 * avg.gPrime(k);
        }
        for (int k = 0; k < K; k++) {
            double fk = eta * feedback[k];
            // docs/model.md §4, dR_kn/dt
            for (int m = 0; m < M; m++) yDot[layout.rIndex(k, m)] = -fk * avg.weightedI3(k, K + m);
            // docs/model.md §4, dQ_kl/dt (l ≥ k; Q symmetric): the drift now, the η² term below
            for (int l = k; l < K; l++) {
                yDot[layout.qIndex(k, l)] = -eta * (feedback[k] * avg.weightedI3(k, l) + feedback[l] * avg.weightedI3(l, k));
            }
            // docs/model.md §4, dv_k/dt
            double dv = -etaV * avg.weightedI2(k);
            if (modulatedLastLayer) {
                // docs/model.md §2: afa with h̃ adds −η_v s c_k E[e² g'(λ_k)], e² including σ²ζ²
                dv -= etaV * s * c[k] * eSquaredGPrime[k];
            }
            yDot[layout.vIndex(k)] = dv;
        }
        if (layout.hasF()) {
            // docs/model.md §4, dc_k/dt: c moves like a column of R whose teacher field is φ
            for (int k = 0; k < K; k++) yDot[layout.cIndex(k)] = -eta * feedback[k] * avg.weightedI3(k, phi);
            for (int m = 0; m < M; m++) yDot[layout.dIndex(m)] = 0.0;
            yDot[layout.pIndex()] = 0.0;
            if (modulatedInput) addModulatedInput(y, yDot);
        }
        pairI4.finish();
        for (int k = 0; k < K; k++) {
            for (int l = k; l < K; l++) {
                // docs/model.md §4, dQ_kl/dt: drift + (η²/B) b_k b_l [Σ w_c w_d I4(k,l,c,d) + σ² J2(k,l)]
                double noise = etaSquaredOverB * feedback[k] * feedback[l] * (pairI4.sum(k, l) + sigma2 * avg.j2(k, l));
                int q = layout.qIndex(k, l);
                yDot[q] = yDot[q] + noise;
            }
        }
    }

    /**
     * First-order PEPITA's presynaptic x̃ = x + s F e: β_k = s e δ_k with δ_k = −s c_k g'(λ_k) e, so
     * E[β_k] = −c_k E[e² g'(λ_k)], which moves every overlap with F (FieldAverageDrift's drift with β):
     * dR_km ∋ −η E[β_k] d_m, dc_k ∋ −η E[β_k] P, dQ_kl ∋ −η (E[β_k] c_l + E[β_l] c_k). docs/model.md §5.
     */
    private void addModulatedInput(double[] y, double[] yDot) {
        double P = y[layout.pIndex()];
        for (int k = 0; k < K; k++) {
            double betaMean = -c[k] * eSquaredGPrime[k];
            for (int m = 0; m < M; m++) yDot[layout.rIndex(k, m)] -= eta * betaMean * y[layout.dIndex(m)];
            yDot[layout.cIndex(k)] -= eta * betaMean * P;
            for (int l = 0; l < K; l++) {
                // dQ_kl gets E[β_k] c_l + E[β_l] c_k: each k adds its part to the packed (min, max) entry
                int q = layout.qIndex(Math.min(k, l), Math.max(k, l));
                yDot[q] -= eta * betaMean * c[l] * (k == l ? 2 : 1);
            }
        }
    }

    @Override
    public double epsG(double[] y) {
        // docs/model.md §3: ε_g = ½ Σ_cd w_c w_d I2(c,d)
        if (!(loaded && java.util.Arrays.equals(y, loadedY))) load(y);
        return 0.5 * averages.quadraticI2();
    }
}
