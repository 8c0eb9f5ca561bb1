"""Vectorised NumPy reference for the crossing Monte Carlo of
`dmm mobility crossings` (scripts/bench-crossings.sh runs both side by side).

For N sessions at once: T ~ session law, the first residence is the
equilibrium residual (length-biased gamma(shape + 1) times a uniform), then
whole residences are added to every session still inside T until none is,
counting the crossings K. Every step draws with NumPy's vectorised generators.

Usage: python3 bench-crossings.py SESSIONS SEED SHAPE RESIDENCE_MEAN SESSION_MEAN
Prints one CSV line: sessions, cpu_s, wall_s, sessions_per_cpu_s, mean_k.
"""
import sys
import time

import numpy as np


def simulate(n, rng, shape, residence_mean, session_mean, chunk=1 << 20):
    scale = residence_mean / shape
    total_k = 0
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        t = rng.exponential(session_mean, m)
        elapsed = rng.gamma(shape + 1, scale, m) * rng.random(m)
        k = np.zeros(m, dtype=np.int64)
        active = np.nonzero(elapsed <= t)[0]
        while active.size:
            k[active] += 1
            elapsed[active] += rng.gamma(shape, scale, active.size)
            active = active[elapsed[active] <= t[active]]
        total_k += int(k.sum())
    return total_k / n


def main():
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    shape, residence_mean, session_mean = map(float, sys.argv[3:6])
    rng = np.random.default_rng(seed)
    c0, w0 = time.process_time(), time.perf_counter()
    mean_k = simulate(n, rng, shape, residence_mean, session_mean)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    print(f"{n},{cpu:.3f},{wall:.3f},{n / cpu:.0f},{mean_k:.5f}")


if __name__ == "__main__":
    main()
