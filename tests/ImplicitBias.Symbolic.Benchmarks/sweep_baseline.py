"""The numpy/SciPy side of the `sweep` benchmark (tests/ImplicitBias.Symbolic.Benchmarks, SweepThroughput.cs).

A prediction-only sweep as a researcher writes it by hand: for each seed, a Gaussian A (M x N, entries N(0,1)/sqrt(M)),
a k-sparse x* and y = A x*, then the Bregman projection of the hyperbolic entropy (x = u^2 - v^2 with u0 = v0 = alpha,
so x = psi(z) = 2 alpha^2 sinh(4 z) with z = A^T lambda) by damped Newton on lambda with a Cholesky solve, to the same
tolerance. Run with Debian's /usr/bin/python3 (numpy, scipy). Not part of the product, the tests or CI.

usage: sweep_baseline.py M N K ALPHA ROWS CHECK.npz   ->  prints "rows_per_second <r>" and "check <x...>", the
projection of the problem in CHECK.npz (written by ibias) for the C# side to compare with its own
"""
import sys
import time

import numpy as np
from scipy.linalg import cho_factor, cho_solve


def project(a, y, alpha):
    lam = np.zeros(a.shape[0])
    scale = 1 + np.abs(y).max()

    def residual(l):
        return a @ (2 * alpha**2 * np.sinh(4 * (a.T @ l))) - y

    r = residual(lam)
    for _ in range(200):
        if np.abs(r).max() <= 1e-12 * scale:
            break
        z = a.T @ lam
        jacobian = (a * (8 * alpha**2 * np.cosh(4 * z))) @ a.T
        step = cho_solve(cho_factor(jacobian), r)
        t = 1.0
        while t > 1e-12:
            trial = lam - t * step
            rt = residual(trial)
            if np.linalg.norm(rt) < np.linalg.norm(r):
                lam, r = trial, rt
                break
            t /= 2
        else:
            break
    return 2 * alpha**2 * np.sinh(4 * (a.T @ lam))


def main():
    m, n, k, alpha, rows, check = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), \
        int(sys.argv[5]), sys.argv[6]
    start = time.perf_counter()
    for seed in range(1, rows + 1):
        rng = np.random.default_rng(seed)
        a = rng.standard_normal((m, n)) / np.sqrt(m)
        truth = np.zeros(n)
        support = rng.choice(n, k, replace=False)
        truth[support] = rng.choice([-1, 1], k) * (0.5 + np.abs(rng.standard_normal(k)))
        project(a, a @ truth, alpha)
    seconds = time.perf_counter() - start
    print(f"rows_per_second {rows / seconds}")
    data = np.load(check)
    x = project(data["A"], data["y"], alpha)
    print("check " + " ".join(repr(float(v)) for v in x))


main()
