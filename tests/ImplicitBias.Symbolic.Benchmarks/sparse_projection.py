"""The SciPy side of the `-- sparse` benchmark (SparseTimings.cs), run with Debian's /usr/bin/python3.

The same projection as BregmanProjection.Solve on the same problem: damped Newton on the dual, lambda with
A psi(z0 + A^T lambda) = b, the Jacobian A diag(psi') A^T formed by scipy.sparse products (SpGEMM) and factored by
LAPACK's Cholesky, kept while steps shrink the residual a thousandfold; the line search asks for an increase of the
dual objective far out and for a smaller residual near the solution; the stop is the same tolerance and rounding
floor. Prints one JSON line. Only the benchmark runs this script: not the product, the tests or CI.

usage: sparse_projection.py problem.npz square|difference ours.f64
"""
import json
import sys
import time

import numpy as np
import scipy.linalg as la
import scipy.sparse as sp

TOLERANCE = 1e-13
EPSILON = 2.220446049250313e-16


def pieces(kind, alpha):
    """z0, psi, psi' and f* of rho = w^2 on (0, inf) (one-variable) or x = u^2 - v^2 with u0 = v0 = alpha."""
    if kind == "square":
        # Phi(w) = log(w)/2, psi(z) = exp(4z), f*(z) = exp(4z)/4
        return (0.5 * np.log(alpha), lambda z: np.exp(4 * z), lambda z: 4 * np.exp(4 * z),
                lambda z: np.exp(4 * z) / 4)
    # psi(z) = alpha^2 (e^{4z} - e^{-4z}) = 2 alpha^2 sinh(4z), f*(z) = alpha^2 cosh(4z)/2
    a2 = alpha * alpha
    return (0.0, lambda z: 2 * a2 * np.sinh(4 * z), lambda z: 8 * a2 * np.cosh(4 * z),
            lambda z: a2 * np.cosh(4 * z) / 2)


class Dual:
    """The dual problem and its sweep z = z0 + A^T lambda, x = psi(z), r = A x - b."""

    def __init__(self, a, b, z0, psi, dpsi, conjugate):
        self.a, self.at, self.b = a, a.T.tocsr(), b
        self.z0, self.psi, self.dpsi, self.conjugate = z0, psi, dpsi, conjugate

    def sweep(self, lam):
        z = self.z0 + self.at @ lam
        with np.errstate(over="ignore", invalid="ignore"):
            x = self.psi(z)
        if not np.all(np.isfinite(x)):
            return z, x, None, np.nan
        r = self.a @ x - self.b
        return z, x, r, np.abs(r).max()

    def objective(self, lam, z):
        with np.errstate(over="ignore"):
            return lam @ self.b - self.conjugate(z).sum()

    def gram(self, z):
        weighted = self.a @ sp.diags(self.dpsi(z))
        return (weighted @ self.at).toarray()

    def floor(self, x, z):
        size = np.abs(x) + np.abs(z * self.dpsi(z))
        return np.sqrt(self.a.shape[1]) * EPSILON * (abs(self.a) @ size).max()


def line_search(dual, lam, z, r, norm, step, scale):
    guided = norm > 1e-6 * scale
    current = dual.objective(lam, z) if guided else norm
    slope = -(r @ step)
    t = 1.0
    for _ in range(60):
        trial = lam + t * step
        tz, tx, tr, tnorm = dual.sweep(trial)
        if np.isfinite(tnorm):
            if guided:
                ok = dual.objective(trial, tz) >= current + 1e-4 * t * slope or tnorm <= 1e-3 * norm
            else:
                ok = tnorm <= (1 - 1e-4 * t) * norm
            if ok:
                return trial, tz, tx, tr, tnorm
        t /= 2
    return None


def solve(dual, m):
    lam = np.zeros(m)
    z, x, r, norm = dual.sweep(lam)
    scale = 1 + np.abs(dual.b).max()
    target, floor = TOLERANCE * scale, 0.0
    iterations, refresh, factor, gram_seconds = 0, True, None, 0.0
    while iterations < 100:
        if norm <= target or (floor > 0 and norm <= floor):
            break
        if floor == 0 and norm <= 1e-6 * scale and iterations > 0:
            floor = dual.floor(x, z)
            if norm <= floor:
                break
        iterations += 1
        if refresh:
            clock = time.perf_counter()
            factor = la.cho_factor(dual.gram(z), check_finite=False)
            gram_seconds += time.perf_counter() - clock
        before = norm
        found = line_search(dual, lam, z, r, norm, la.cho_solve(factor, -r, check_finite=False), scale)
        if found is None:
            if refresh:
                break
            refresh = True
            continue
        lam, z, x, r, norm = found
        refresh = norm > 1e-3 * before
    return x, iterations, norm, gram_seconds


def main():
    path, kind, ours = sys.argv[1], sys.argv[2], sys.argv[3]
    data = np.load(path)
    a = sp.csr_matrix((data["data"], data["indices"], data["indptr"]), shape=tuple(data["shape"]))
    b, alpha = data["y"], float(data["init"])
    dual = Dual(a, b, *pieces(kind, alpha))
    clock = time.perf_counter()
    x, iterations, residual, gram_seconds = solve(dual, a.shape[0])
    seconds = time.perf_counter() - clock
    difference = float(np.abs(x - np.fromfile(ours, dtype="<f8")).max())
    print(json.dumps({"seconds": seconds, "gramSeconds": gram_seconds, "iterations": iterations,
                      "residual": float(residual), "maxDifference": difference,
                      "scipy": __import__("scipy").__version__}))


if __name__ == "__main__":
    main()
