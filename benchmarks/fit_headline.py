"""Fit the headline ranker's weights (the core pack's ``[params.headline_rank]`` table).

    .venv/bin/python benchmarks/fit_headline.py DATA [DATA ...] [--window 50] [--l2 3] [--out TABLE.toml] [--add FACT]

``DATA`` are dev files in the ``DATASET-STYLE.jsonl.gz`` layout with a ``title`` in their truth
(the trafilatura files were used for the shipped table). For every page the engine decodes
as usual, without the ranker; ``articleparse.headline.candidate_facts`` lists the candidates
and their facts, and a candidate is right when its headline text equals the true title
(after NFKC, case folding and whitespace collapsing, as the scorer compares). The fit is a
conditional logit (softmax over each page's candidates) with an L2 penalty, on facts
standardised by their mean and standard deviation. Five-fold cross-validation by page id
(all dumps of a page in one fold) is printed against the decoder's own choice; then the fit
on all pages is written as ``fact = [mean, scale, weight]`` lines to paste under
``[params.headline_rank]``. With ``--add FACT`` (repeatable) the core pack's table stays as it is and only
the named facts' weights are fitted on top of it (each candidate's score under the table is a fixed offset),
cross-validated against the table alone: a new fact then moves only the pages it tells about, where a
whole refit on the day's decoded pages also moves near-ties elsewhere (session 9: `tt*date_below`).
Needs numpy and scipy (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip().casefold()


def _pages(job: tuple[str, int]) -> list[dict]:
    """Candidates, facts and right answers of every titled page of one file."""
    path, window = job
    from articleparse.assemble import _HEADING_MARK, _headline_text
    from articleparse.engine import Engine
    from articleparse.headline import candidate_facts
    from articleparse.model import Label

    engine = Engine()
    out = []
    with gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8") as fh:
        for raw in fh:
            rec = json.loads(raw)
            title = rec.get("truth", {}).get("title")
            if not title:
                continue
            page = engine._stages(rec["text"], rank=False)
            if page.decoded is None:
                continue
            units, decoded, ctx = page.units, page.decoded, page.ctx
            cands, facts = candidate_facts(page.votes.scores, list(decoded.labels), page.features, window, units)
            if not cands:
                continue
            # the headline's text as the assembler makes it (markdown heading marks off, a trail or a
            # date run into its start cut)
            right = [_norm(_headline_text(_HEADING_MARK.sub("", units[i].text.strip()).strip(), ctx, i))
                     == _norm(title) for i in cands]
            chosen = next((k for k, i in enumerate(cands) if decoded.labels[i] is Label.HEADLINE), None)
            out.append({"id": rec["id"], "style": rec.get("style", "?"), "facts": facts, "right": right,
                        "chosen": chosen})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="+")
    ap.add_argument("--window", type=int, default=50, help="candidates start this many units above the body")
    ap.add_argument("--l2", type=float, default=3.0, help="L2 penalty of the fit")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", help="write the table here (default: print it)")
    ap.add_argument("--add", metavar="FACT", action="append", default=[],
                    help="keep the core pack's table and fit only this fact's weight (repeatable): the other "
                         "weights stay, so pages the new fact does not move keep their headline")
    args = ap.parse_args(argv)
    try:
        import numpy as np
        from scipy.optimize import minimize
    except ImportError:
        print("fit_headline.py needs numpy and scipy: pip install numpy scipy", file=sys.stderr)
        return 2

    with Pool(args.jobs) as pool:
        pages = [p for chunk in pool.map(_pages, [(d, args.window) for d in args.data]) for p in chunk]
    names = args.add or list(pages[0]["facts"][0])
    xs = [np.array([[f[k] for k in names] for f in p["facts"]], float) for p in pages]
    ys = [np.array(p["right"], bool) for p in pages]
    stacked = np.vstack(xs)
    mean, scale = stacked.mean(0), stacked.std(0)
    scale[scale < 1e-9] = 1.0
    xs = [(x - mean) / scale for x in xs]
    fold = [int(hashlib.md5(p["id"].encode()).hexdigest(), 16) % 5 for p in pages]
    # with --add, every candidate starts from its score under the core pack's table; without, from 0
    offsets = [np.zeros(len(y)) for y in ys]
    if args.add:
        from articleparse import Engine
        from articleparse.headline import candidate_score, compile_model

        rows = [r for r in compile_model(Engine().params["headline_rank"]) if r[0] not in args.add]
        offsets = [np.array([candidate_score(rows, f) for f in p["facts"]]) for p in pages]

    def fit(idx: list[int]) -> np.ndarray:
        # all candidates of the pages with a right one in one matrix; the softmax runs over each
        # page's rows (np.*.reduceat over the pages' first rows)
        idx = [i for i in idx if ys[i].any()]
        x = np.vstack([xs[i] for i in idx])
        y = np.concatenate([ys[i] for i in idx])
        off = np.concatenate([offsets[i] for i in idx])
        sizes = np.array([len(ys[i]) for i in idx])
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        page = np.repeat(np.arange(len(idx)), sizes)

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            s = off + x @ w
            e = np.exp(s - np.maximum.reduceat(s, starts)[page])
            p = e / np.add.reduceat(e, starts)[page]
            p_right = np.add.reduceat(np.where(y, p, 0.0), starts)
            total = args.l2 * 0.5 * w @ w - np.log(p_right + 1e-12).sum()
            q = np.where(y, p, 0.0) / p_right[page]
            return total, args.l2 * w + x.T @ (p - q)

        return minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x

    right = 0
    by_style: dict[str, list[int]] = {}
    for k in range(5):
        w = fit([i for i in range(len(pages)) if fold[i] != k])
        for i in range(len(pages)):
            if fold[i] == k:
                ok = bool(ys[i][int(np.argmax(offsets[i] + xs[i] @ w))])
                right += ok
                row = by_style.setdefault(pages[i]["style"], [0, 0, 0, 0])
                row[0] += 1
                if args.add:  # the core pack's table, not the decoder, is what the added facts are weighed against
                    row[1] += bool(ys[i][int(np.argmax(offsets[i]))])
                else:
                    row[1] += pages[i]["chosen"] is not None and pages[i]["right"][pages[i]["chosen"]]
                row[2] += ok
                row[3] += bool(ys[i].any())
    decoder = sum(1 for p in pages if p["chosen"] is not None and p["right"][p["chosen"]])
    if args.add:
        decoder = sum(1 for i in range(len(pages)) if ys[i][int(np.argmax(offsets[i]))])
    first = "the core table right" if args.add else "decoder right"
    reachable = sum(1 for y in ys if y.any())
    print(f"pages {len(pages)}: {first} {decoder}, ranker right {right} (five-fold cross-validated), "
          f"a candidate right {reachable}", file=sys.stderr)
    for style, (n, dec, ok, reach) in sorted(by_style.items()):
        print(f"  {style}: pages {n}, {first} {dec}, ranker right {ok}, a candidate right {reach}",
              file=sys.stderr)
    w = fit(list(range(len(pages))))
    rows = []
    for name, m, s, weight in zip(names, mean, scale, w):
        if abs(weight) < 1e-12:
            continue  # a fact that never varies carries no weight
        key = name if re.fullmatch(r"[A-Za-z0-9_]+", name) else f'"{name}"'
        rows.append(f"{key} = [{m:.6g}, {s:.6g}, {weight:.6g}]")
    table = "\n".join(rows) + "\n"
    if args.out:
        Path(args.out).write_text(table, encoding="utf-8")
    else:
        sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
