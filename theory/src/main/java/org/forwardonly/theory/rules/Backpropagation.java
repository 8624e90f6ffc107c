package org.forwardonly.theory.rules;

/** {@code bp}: the feedback is the second layer itself, b = v. */
public final class Backpropagation extends FeedbackRule {

    @Override
    public void feedback(double[] v, double[] bFixed, double[] c, double s, double[] out) {
        System.arraycopy(v, 0, out, 0, out.length);
    }
}
