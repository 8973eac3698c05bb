"""Compare the headline ranker's linear table with two non-linear rankers on the same candidates and facts.

    .venv/bin/python benchmarks/fit_headline_nonlinear.py DATA [DATA ...] [--cache PAGES.pkl] [--pairs 10,25]
        [--trees 100] [--depth 3] [--rate 0.3] [--min-leaf 50]

``DATA`` are the trafilatura dev files, read as ``fit_headline.py`` reads them (its ``_pages``: every titled
page decoded without the ranker, its candidates, their facts, which are right); ``--cache`` keeps those
pages in a pickle so that a second run skips the decoding. Three rankers are cross-validated five-fold by
page id (all dumps of a page in one fold, the folds of ``fit_headline.py``), each fitted on four folds and
counted on the fifth, per style:

- ``linear``: the conditional logit of ``fit_headline.py`` (L2 penalty 3), refitted in every fold;
- ``pairs K``: the same with K products of two facts added, chosen in every fold on its training pages
  alone by a score test (the gradient of the log-likelihood at the linear fit over its information), so
  that the choice of the products is cross-validated too;
- ``trees N``: the linear fit plus a boosted ensemble of shallow regression trees fitted on top of it
  with a softmax over each page's candidates (Newton steps: each tree is fitted to the gradient over
  the Hessian, each leaf's value is its gradient sum over its Hessian sum plus 1, times the rate),
  counted after 25, 50, 75 and N trees.

Nothing is written: the script measures (session 11, branch ``head15``; the figures are in
``docs/benchmarks.md``, Headlines). Needs numpy, scipy and scikit-learn (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402


class _Block:
    """The candidates of some pages stacked in one matrix; the softmax runs over each page's rows."""

    def __init__(self, xs: list, ys: list, idx: list[int]) -> None:
        self.x = np.vstack([xs[i] for i in idx])
        self.y = np.concatenate([ys[i] for i in idx])
        sizes = np.array([len(ys[i]) for i in idx])
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(int)
        self.page = np.repeat(np.arange(len(idx)), sizes)

    def grad(self, s: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each row's probability, its gradient of −log P(a right candidate) and the pages' P(right)."""
        e = np.exp(s - np.maximum.reduceat(s, self.starts)[self.page])
        p = e / np.add.reduceat(e, self.starts)[self.page]
        p_right = np.add.reduceat(np.where(self.y, p, 0.0), self.starts)
        return p, p - np.where(self.y, p, 0.0) / p_right[self.page], p_right


def _linear(b: _Block, mean: np.ndarray, scale: np.ndarray, l2: float = 3.0) -> np.ndarray:
    x = (b.x - mean) / scale

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        _, g, p_right = b.grad(x @ w)
        return l2 * 0.5 * w @ w - np.log(p_right + 1e-12).sum(), l2 * w + x.T @ g

    return minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x


def _screen(b: _Block, w: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> list[tuple[int, int]]:
    """Every product of two facts, best first by its score test at the linear fit."""
    xs = (b.x - mean) / scale
    p, g, _ = b.grad(xs @ w)
    useful = [j for j in range(xs.shape[1]) if xs[:, j].std() > 1e-9]
    out = []
    for a, j in enumerate(useful):
        for k in useful[a + 1:]:
            z = xs[:, j] * xs[:, k]
            if z.std() < 1e-6:
                continue
            z = (z - z.mean()) / z.std()
            ez, ez2 = np.add.reduceat(p * z, b.starts), np.add.reduceat(p * z * z, b.starts)
            out.append(((g @ z) ** 2 / max((ez2 - ez ** 2).sum(), 1e-9), j, k))
    out.sort(reverse=True)
    return [(j, k) for _, j, k in out]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="*")
    ap.add_argument("--cache", help="a pickle of the decoded pages: read when it exists, else written")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--pairs", default="10,25", help="how many products to add (comma-separated; 0: none)")
    ap.add_argument("--trees", type=int, default=100)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--min-leaf", type=int, default=50)
    args = ap.parse_args(argv)
    from sklearn.tree import DecisionTreeRegressor

    if args.cache and Path(args.cache).exists():
        pages = pickle.loads(Path(args.cache).read_bytes())
    else:
        import fit_headline

        with Pool(args.jobs) as pool:
            pages = [p for chunk in pool.map(fit_headline._pages, [(d, 50) for d in args.data]) for p in chunk]
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(pages))
    names = list(pages[0]["facts"][0])
    xs = [np.array([[f[k] for k in names] for f in p["facts"]], float) for p in pages]
    ys = [np.array(p["right"], bool) for p in pages]
    fold = np.array([int(hashlib.md5(p["id"].encode()).hexdigest(), 16) % 5 for p in pages])
    style = np.array([p["style"] for p in pages])
    stacked = np.vstack(xs)
    mean, scale = stacked.mean(0), stacked.std(0)
    scale[scale < 1e-9] = 1.0
    pair_counts = [int(k) for k in args.pairs.split(",") if int(k) > 0]
    checkpoints = sorted({n for n in (25, 50, 75) if n < args.trees} | {args.trees}) if args.trees else []
    right: dict[str, np.ndarray] = {"linear": np.zeros(len(pages), bool)}
    right.update({f"pairs {k}": np.zeros(len(pages), bool) for k in pair_counts})
    right.update({f"trees {n}": np.zeros(len(pages), bool) for n in checkpoints})
    for k in range(5):
        train = [i for i in range(len(pages)) if fold[i] != k and ys[i].any()]
        test = np.where(fold == k)[0]
        b = _Block(xs, ys, train)
        w = _linear(b, mean, scale)
        for i in test:
            right["linear"][i] = ys[i][int(np.argmax((xs[i] - mean) / scale @ w))]
        if pair_counts:
            pairs = _screen(b, w, mean, scale)
            for count in pair_counts:
                chosen = pairs[:count]
                px = [np.column_stack([x] + [x[:, j] * x[:, m] for j, m in chosen]) for x in xs]
                pst = np.vstack([px[i] for i in train])
                pmean, pscale = pst.mean(0), pst.std(0)
                pscale[pscale < 1e-9] = 1.0
                pw = _linear(_Block(px, ys, train), pmean, pscale)
                for i in test:
                    right[f"pairs {count}"][i] = ys[i][int(np.argmax((px[i] - pmean) / pscale @ pw))]
                print(f"fold {k}: pairs {count}: " + ", ".join(f"{names[j]}*{names[m]}" for j, m in chosen[:5])
                      + (" ..." if count > 5 else ""), file=sys.stderr)
        if checkpoints:
            s = (b.x - mean) / scale @ w
            test_s = {i: (xs[i] - mean) / scale @ w for i in test}
            for t in range(args.trees):
                p, g, _ = b.grad(s)
                h = np.maximum(p * (1 - p), 1e-6)
                tree = DecisionTreeRegressor(max_depth=args.depth, min_samples_leaf=args.min_leaf, random_state=0)
                tree.fit(b.x, -g / h, sample_weight=h)
                leaf = tree.apply(b.x)
                value = np.zeros(tree.tree_.node_count)
                for node in np.unique(leaf):
                    m = leaf == node
                    value[node] = args.rate * -g[m].sum() / (h[m].sum() + 1.0)
                s = s + value[leaf]
                for i in test:
                    test_s[i] = test_s[i] + value[tree.apply(xs[i])]
                if t + 1 in checkpoints:
                    for i in test:
                        right[f"trees {t + 1}"][i] = ys[i][int(np.argmax(test_s[i]))]
    styles = sorted(set(style))
    print(f"pages {len(pages)}, a candidate right on {sum(bool(y.any()) for y in ys)}; five-fold "
          f"cross-validated right, total and {' / '.join(styles)}:")
    for name, r in right.items():
        per = " / ".join(str(int(r[style == s].sum())) for s in styles)
        print(f"  {name:10s} {int(r.sum()):5d}  {per}  ({int(r.sum()) - int(right['linear'].sum()):+d})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
