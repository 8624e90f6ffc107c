package org.forwardonly.images.deep;

/**
 * Independent, naive (triple-loop, one sample at a time) formulas for the tests: written from the
 * definitions in docs/images.md, sharing no code with the rules.
 */
final class Reference {

    private Reference() {
    }

    /** W_l as [out][in] from the stored transpose. */
    static double[][] weights(DeepNetwork net, int l) {
        int in = net.sizes[l];
        int out = net.sizes[l + 1];
        double[][] w = new double[out][in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                w[o][i] = net.wt[l][i * out + o];
            }
        }
        return w;
    }

    /** A stored-transpose matrix (in × out) as [out][in]. */
    static double[][] fromStored(double[] m, int in, int out) {
        double[][] w = new double[out][in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                w[o][i] = m[i * out + o];
            }
        }
        return w;
    }

    static double[] matVec(double[][] w, double[] v) {
        double[] out = new double[w.length];
        for (int o = 0; o < w.length; o++) {
            for (int i = 0; i < v.length; i++) {
                out[o] += w[o][i] * v[i];
            }
        }
        return out;
    }

    /** vᵀ W (length in). */
    static double[] vecMat(double[] v, double[][] w) {
        double[] out = new double[w[0].length];
        for (int o = 0; o < w.length; o++) {
            for (int i = 0; i < out.length; i++) {
                out[i] += v[o] * w[o][i];
            }
        }
        return out;
    }

    /** Hidden layer without normalisation: relu(mask ⊙ W a). */
    static double[] hidden(double[][] w, double[] a, double[] mask) {
        double[] z = matVec(w, a);
        for (int j = 0; j < z.length; j++) {
            z[j] = Math.max(0, (mask == null ? 1 : mask[j]) * z[j]);
        }
        return z;
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double s = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);
            s += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= s;
        }
        return p;
    }

    /** Row r of a batch matrix. */
    static double[] row(double[] m, int r, int width) {
        double[] v = new double[width];
        System.arraycopy(m, r * width, v, 0, width);
        return v;
    }

    /** Adds {@code scale · outer(b, a)} to g stored like wt (in × out): g[i*out+o] += scale a_i b_o. */
    static void addOuter(double[] g, double[] a, double[] b, double scale) {
        for (int i = 0; i < a.length; i++) {
            for (int o = 0; o < b.length; o++) {
                g[i * b.length + o] += scale * a[i] * b[o];
            }
        }
    }
}
