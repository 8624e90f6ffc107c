#!/usr/bin/env python3
"""The coefficients of theory's ErfBlock (docs/exact-pepita.md §7), reproducible.

erfc(x) = t exp(-x^2 + P(t)), t = 1/(1 + x/2) on x in [0, 7]: P is the degree-18 Chebyshev series in
u = (2t - (t_low + 1))/(1 - t_low), t_low = 1/4.5, of log(erfc(x) e^{x^2} / t), projected on 600
Chebyshev nodes in 40-digit arithmetic (mpmath). Prints the Clenshaw lines as ErfBlock has them
(coefficients 18 .. 1, then c0). Development only: nothing in the build runs it.
"""
import mpmath as mp

mp.mp.dps = 40
X, DEG, NODES = 7, 18, 600
t_low = mp.mpf(1 / (1 + X / 2))  # the double ErfBlock's T_LOW rounds to, as the fit used it
ts = [(t_low + 1) / 2 + (1 - t_low) / 2 * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / NODES) for k in range(NODES)]
ys = []
for t in ts:
    x = (1 / t - 1) * 2
    ys.append(mp.log(mp.erfc(x) * mp.exp(x * x) / t))
coef = []
for j in range(DEG + 1):
    s = mp.mpf(0)
    for k in range(NODES):
        s += ys[k] * mp.cos(j * mp.pi * (k + mp.mpf(1) / 2) / NODES)
    coef.append((2 if j else 1) * s / NODES)
for j in range(DEG, 0, -1):
    print("b0 = u2 * b1 - b2 + %r; b2 = b1; b1 = b0;" % float(coef[j]))
print("c0 = %r" % float(coef[0]))
