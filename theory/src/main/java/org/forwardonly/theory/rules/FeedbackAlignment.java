package org.forwardonly.theory.rules;

/** {@code fa}: a fixed random feedback b. */
public final class FeedbackAlignment extends FeedbackRule {

    @Override
    public void feedback(double[] v, double[] bFixed, double[] c, double s, double[] out) {
        System.arraycopy(bFixed, 0, out, 0, out.length);
    }
}
