#!/usr/bin/env python3
"""Accuracy of articleparse (and optionally jusText) on plain-text news dumps with ground truth.

Usage (from the project root):

    .venv/bin/python benchmarks/accuracy.py DATA [DATA ...] [--limit N] [--worst N] [--peers]
                                            [--json OUT] [--md OUT] [--jobs N]

DATA is a ``DATASET-STYLE.jsonl.gz`` (or ``.jsonl``) file of records
``{"id", "dataset", "style", "text", "truth"}``, or a folder of ``<id>.txt`` dumps with
``<id>.json`` ground truth (and an optional ``_manifest.json`` naming dataset and style).

Output, on stdout:

* one markdown row per DATA file and extractor, with the columns of the reference
  scorer (``shared/tools/score.py``) in the same order, computed with the same
  definitions (see ``_metrics.py``), so the two tables can be compared cell by cell;
* a per-language table: for each dataset x language x extractor, the number of
  documents, body F1, snippet accuracy, date and headline accuracy.  The language is
  the primary subtag of ``truth.lang`` when the truth has one, else of the language
  articleparse detected (``article.meta.language``), else ``?``;
* with ``--worst N``, the N worst documents of each file for articleparse, each with
  its labelled lines, the ``with`` snippets it missed and the ``without`` snippets that
  leaked into the body.

Progress goes to stderr.  Timing columns are only meaningful with ``--jobs 1``.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gzip
import html
import json
import multiprocessing
import os
import sys
import time
from collections import defaultdict
from typing import Any, Iterable, Sequence

import articleparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _metrics as M  # noqa: E402  (benchmarks/ is not a package)

OURS = "articleparse"
JUSTEXT = "justext"

#: ISO 639 codes -> jusText stoplist names (only languages jusText ships a stoplist for).
JUSTEXT_STOPLISTS = {
    "af": "Afrikaans", "an": "Aragonese", "ar": "Arabic", "ast": "Asturian", "az": "Azerbaijani",
    "be": "Belarusian", "bg": "Bulgarian", "bn": "Bengali", "br": "Breton", "bs": "Bosnian",
    "ca": "Catalan", "ceb": "Cebuano", "cs": "Czech", "cv": "Chuvash", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "fy": "West_Frisian", "ga": "Irish", "gl": "Galician", "gu": "Gujarati",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "ht": "Haitian", "hu": "Hungarian",
    "hy": "Armenian", "id": "Indonesian", "ig": "Igbo", "io": "Ido", "is": "Icelandic",
    "it": "Italian", "iw": "Hebrew", "jv": "Javanese", "ka": "Georgian", "kk": "Kazakh",
    "kn": "Kannada", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin",
    "lb": "Luxembourgish", "lmo": "Lombard", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "nap": "Neapolitan", "nb": "Norwegian_Bokmal", "nds": "Low_Saxon", "ne": "Nepali",
    "new": "Newar", "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal",
    "oc": "Occitan", "pl": "Polish", "pms": "Piedmontese", "pnb": "Western_Panjabi",
    "pt": "Portuguese", "qu": "Quechua", "ro": "Romanian", "ru": "Russian", "scn": "Sicilian",
    "sh": "Serbo_Croatian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian",
    "su": "Sundanese", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "tk": "Turkmen", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "uz": "Uzbek", "vi": "Vietnamese", "vo": "Volapuk", "wa": "Walloon", "war": "Waray_Waray",
    "yo": "Yoruba",
}


# ------------------------------------------------------------------ data


@dataclasses.dataclass
class Doc:
    """One dump with its ground truth."""

    id: str
    text: str
    truth: dict
    dataset: str | None = None


@dataclasses.dataclass
class Source:
    """One DATA argument: its name, dataset and style labels, and its documents."""

    path: str
    name: str
    dataset: str | None
    style: str | None
    docs: list[Doc]

    @property
    def label(self) -> str:
        """The dataset name shown in the tables (the file name when no dataset is known)."""
        return self.dataset or self.name


def load_source(path: str, limit: int = 0) -> Source:
    """Read a ``.jsonl[.gz]`` file or a folder of ``<id>.txt`` + ``<id>.json`` (first ``limit`` docs)."""
    name = os.path.basename(os.path.normpath(path)).split(".")[0]
    docs: list[Doc] = []
    if path.endswith((".jsonl.gz", ".jsonl")):
        dataset, _, style = name.rpartition("-")
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                if limit and len(docs) >= limit:
                    break
                if not line.strip():
                    continue
                rec = json.loads(line)
                docs.append(Doc(str(rec["id"]), rec["text"], rec["truth"], rec.get("dataset")))
        return Source(path, name, dataset or None, style, docs)
    if not os.path.isdir(path):
        raise SystemExit(f"{path}: not a .jsonl[.gz] file nor a folder of <id>.txt + <id>.json")
    manifest: dict = {}
    manifest_path = os.path.join(path, "_manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    ids = sorted(f[: -len(".json")] for f in os.listdir(path) if f.endswith(".json") and not f.startswith("_"))
    for ident in ids:
        if limit and len(docs) >= limit:
            break
        text_path = os.path.join(path, ident + ".txt")
        if not os.path.exists(text_path):
            continue
        with open(text_path, encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(path, ident + ".json"), encoding="utf-8") as f:
            truth = json.load(f)
        docs.append(Doc(ident, text, truth, manifest.get("dataset")))
    return Source(path, name, manifest.get("dataset"), manifest.get("style", "txt"), docs)


# ------------------------------------------------------------------ extractors


def run_articleparse(text: str) -> tuple[M.Prediction, Any]:
    """articleparse.parse(text) as a Prediction, plus the Article itself."""
    article = articleparse.parse(text)
    pred = M.Prediction(
        body=article.text or "",
        headline=article.headline,
        authors=list(article.authors) or None,
        date=article.published,
    )
    return pred, article


def justext_importable() -> str | None:
    """None when jusText can be imported, else the reason it cannot."""
    try:
        import justext  # noqa: F401
    except Exception as exc:  # ImportError, or lxml's missing html.clean
        return f"{type(exc).__name__}: {exc}"
    return None


@functools.lru_cache(maxsize=None)
def justext_stoplist(language: str | None) -> frozenset:
    """The jusText stoplist for an ISO 639 code, English when jusText has none for it."""
    import justext

    name = JUSTEXT_STOPLISTS.get(language or "", "English")
    if name not in justext.get_stoplists():
        name = "English"
    return frozenset(justext.get_stoplist(name))


def dump_to_html(text: str) -> str:
    """The dump as HTML for jusText: each non-blank line becomes one ``<p>``."""
    paras = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>\n{paras}</body></html>"


def run_justext(text: str, stoplist: frozenset) -> M.Prediction:
    """jusText on the dump (each non-blank line a paragraph), good paragraphs joined."""
    import justext

    if not text.strip():
        return M.Prediction(body="")
    paragraphs = justext.justext(dump_to_html(text), stoplist)
    return M.Prediction(body="\n".join(p.text for p in paragraphs if not p.is_boilerplate))


# ------------------------------------------------------------------ scoring one document


def score_doc(task: tuple[Doc, Sequence[str]]) -> list[M.DocScore]:
    """Run every extractor in ``task`` on one document and score it (a multiprocessing worker)."""
    doc, extractors = task
    truth_lang = M.primary_language(doc.truth.get("lang"))
    detected = None
    results = []
    for name in extractors:
        error = None
        if name == JUSTEXT:  # loaded (and cached) outside the timed call
            stoplist = justext_stoplist(truth_lang or detected)
        start = time.perf_counter()
        try:
            if name == OURS:
                pred, article = run_articleparse(doc.text)
                detected = M.primary_language(article.meta.language)
            else:
                pred = run_justext(doc.text, stoplist)
        except Exception as exc:  # a crash scores as an empty answer, as in the reference scorer
            pred, error = M.Prediction(), f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        results.append(
            M.score_document(doc.truth, pred, id=doc.id, dataset=doc.dataset, extractor=name,
                             seconds=seconds, error=error)
        )
    language = truth_lang or detected or "?"
    for result in results:
        result.language = language
    return results


def score_all(docs: Sequence[Doc], extractors: Sequence[str], pool: Any) -> list[list[M.DocScore]]:
    """Per document, the scores of every extractor, in input order."""
    tasks = ((doc, tuple(extractors)) for doc in docs)
    if pool is None:
        return [score_doc(t) for t in tasks]
    return list(pool.imap(score_doc, tasks, chunksize=4))


# ------------------------------------------------------------------ tables


def _cell(metric: dict | None, key: str = "accuracy", with_n: bool = True) -> str:
    if not metric:
        return "–"
    return f"{metric[key]:.3f} ({metric['n']})" if with_n else f"{metric[key]:.3f}"


FILE_COLUMNS = ("data", "style", "extractor", "docs", "body F1", "body P", "body R", "snippets acc",
                "with found", "without absent", "prefix", "headline", "date", "authors",
                "ms/doc (median)", "docs/s")


def files_table(rows: Sequence[dict]) -> str:
    """Markdown table of the per-file rows, columns as in the reference scorer."""
    out = ["| " + " | ".join(FILE_COLUMNS) + " |", "|" + "---|" * len(FILE_COLUMNS)]
    for r in rows:
        body, snip = r.get("body"), r.get("snippets")
        cells = [
            str(r["dataset"] or r["folder"]), str(r["style"]), r["extractor"], str(r["docs"]),
            _cell(body, "f1"), _cell(body, "precision", False), _cell(body, "recall", False),
            _cell(snip), _cell(snip, "with_found", False), _cell(snip, "without_absent", False),
            _cell(r.get("prefix")), _cell(r.get("headline")), _cell(r.get("date")), _cell(r.get("authors")),
            f"{r['time']['median_ms']:.2f}", f"{r['time']['docs_per_s']:.0f}",
        ]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def error_notes(rows: Sequence[dict], scores: Iterable[M.DocScore]) -> str:
    """A line per file and extractor whose parser raised (those documents scored as empty answers)."""
    first_error: dict[str, str] = {}
    for s in scores:
        if s.error and s.extractor not in first_error:
            first_error[s.extractor] = f"{s.id}: {s.error}"
    notes = [f"- {r['folder']} / {r['extractor']}: {r['errors']} of {r['docs']} documents raised "
             f"(scored as empty answers)" for r in rows if r["errors"]]
    if not notes:
        return ""
    notes += [f"- first error of {name}: {_clip(text, 200)}" for name, text in first_error.items()]
    return "\n" + "\n".join(notes) + "\n"


LANGUAGE_COLUMNS = ("data", "extractor", "lang", "docs", "body F1", "snippets acc", "date", "headline")


def languages_table(rows: Sequence[dict]) -> str:
    """Markdown table of the per dataset x language rows."""
    out = ["| " + " | ".join(LANGUAGE_COLUMNS) + " |", "|" + "---|" * len(LANGUAGE_COLUMNS)]
    for r in rows:
        cells = [r["dataset"], r["extractor"], r["language"], str(r["docs"]), _cell(r.get("body"), "f1"),
                 _cell(r.get("snippets")), _cell(r.get("date")), _cell(r.get("headline"))]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def file_row(source: Source, extractor: str, scores: Sequence[M.DocScore]) -> dict:
    """One per-file row, keyed like the reference scorer's JSON rows."""
    row = {"folder": source.name, "dataset": source.dataset, "style": source.style,
           "extractor": extractor, "docs": len(scores), "errors": sum(s.error is not None for s in scores)}
    row.update(M.summarize(scores))
    return row


def language_rows(scores: Iterable[M.DocScore], extractor_order: Sequence[str]) -> list[dict]:
    """Rows for every dataset x extractor x language group, largest groups first."""
    groups: dict[tuple, list[M.DocScore]] = defaultdict(list)
    for s in scores:
        groups[(s.dataset or "?", s.extractor, s.language)].append(s)
    rows = []
    for (dataset, extractor, language), members in groups.items():
        summary = M.summarize(members)
        rows.append({"dataset": dataset, "extractor": extractor, "language": language, "docs": len(members),
                     **{k: summary[k] for k in ("body", "snippets", "date", "headline") if k in summary}})
    rank = {name: i for i, name in enumerate(extractor_order)}
    rows.sort(key=lambda r: (r["dataset"], rank.get(r["extractor"], len(rank)), -r["docs"], r["language"]))
    return rows


# ------------------------------------------------------------------ worst documents


def ranking(scores: Sequence[M.DocScore]) -> tuple[str, Any] | None:
    """The metric that ranks this file's documents: (description, score function), or None.

    Body F1 when the truth has bodies, else snippet accuracy, else the prefix, date
    or headline hit (1 or 0).
    """
    if any(s.body is not None for s in scores):
        return "body F1", lambda s: s.body_f1
    if any(s.snippets is not None for s in scores):
        return "snippet accuracy", lambda s: s.snippet_accuracy
    for key in ("prefix", "date", "headline"):
        if any(getattr(s, key) is not None for s in scores):
            return f"{key} hit", lambda s, key=key: None if getattr(s, key) is None else float(getattr(s, key))
    return None


def _clip(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def worst_report(source: Source, scores: Sequence[M.DocScore], n: int) -> str:
    """The ``n`` worst documents of ``source`` for articleparse, with their labelled lines."""
    ranked = ranking(scores)
    if ranked is None or n <= 0:
        return ""
    title, key = ranked
    candidates = [(key(s), i) for i, s in enumerate(scores) if key(s) is not None]
    candidates.sort()
    out = [f"## Worst {min(n, len(candidates))} of {source.name} by {title}", ""]
    for value, i in candidates[:n]:
        doc, s = source.docs[i], scores[i]
        out.append(f"### {doc.id}: {title} {value:.3f}")
        out.append("")
        out.append("```text")
        if s.error:
            out.append(f"error: {s.error}")
        if s.body is not None:
            p, r = M.doc_precision(*s.body), M.doc_recall(*s.body)
            out.append(f"body: precision {p:.3f} recall {r:.3f}")
        for key_, truth_key in (("headline", "title"), ("date", "date"), ("authors", "authors")):
            if getattr(s, key_) is not None:
                mark = "ok" if getattr(s, key_) else "MISS"
                out.append(f"{key_} {mark}: expected {doc.truth[truth_key]!r}, got {s.predicted.get(key_)!r}")
        dump = M.collapse_ws(doc.text)

        def unreachable(snippet: str) -> str:
            return "" if M.collapse_ws(snippet) in dump else " [not in the dump either]"

        if s.snippets is not None:
            missed, leaked = s.snippets["missed"], s.snippets["leaked"]
            out.append(f"missed `with` snippets ({len(missed)}):")
            out.extend(f"  - {_clip(M.collapse_ws(x))}{unreachable(x)}" for x in missed)
            out.append(f"leaked `without` snippets ({len(leaked)}):")
            out.extend(f"  - {_clip(M.collapse_ws(x))}" for x in leaked)
        if "body_prefix" in doc.truth and not s.prefix:
            prefix = doc.truth["body_prefix"]
            out.append(f"prefix not found{unreachable(prefix)}: {_clip(M.collapse_ws(prefix))}")
        out.append("lines (index label confidence rules | text):")
        out.extend(line_listing(doc.text))
        out.append("```")
        out.append("")
    return "\n".join(out) + "\n"


def line_listing(text: str) -> list[str]:
    """Each line of the dump as ``index label confidence rules | text`` (text cut to 100 chars)."""
    try:
        _, article = run_articleparse(text)
    except Exception as exc:
        return [f"(parse failed: {type(exc).__name__}: {exc})"]
    listing = []
    for line in article.lines:
        rules = ",".join(line.rules) or "-"
        content = _clip(text[line.span[0] : line.span[1]])
        listing.append(f"{line.index:5d} {str(line.label):<15} {line.confidence:4.2f} {rules} | {content}")
    return listing


# ------------------------------------------------------------------ main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="+", metavar="DATA", help="DATASET-STYLE.jsonl.gz files or folders")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents of each file")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="show the N worst documents per file")
    ap.add_argument("--peers", action="store_true", help="also run jusText on the same dumps, if importable")
    ap.add_argument("--json", metavar="OUT", help="write the rows as JSON here")
    ap.add_argument("--md", metavar="OUT", help="write both markdown tables here")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes over documents (timing needs 1)")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    extractors = [OURS]
    if args.peers:
        reason = justext_importable()
        if reason is None:
            extractors.append(JUSTEXT)
        else:
            print(f"jusText is not importable ({reason}); --peers ignored", file=sys.stderr)
    if args.jobs > 1:
        print(f"--jobs {args.jobs}: the timing columns are not comparable to single-process runs",
              file=sys.stderr)

    rows, all_scores, worst_sections = [], [], []
    pool = multiprocessing.Pool(args.jobs) if args.jobs > 1 else None
    try:
        for path in args.data:
            source = load_source(path, args.limit)
            per_doc = score_all(source.docs, extractors, pool)
            for k, name in enumerate(extractors):
                scores = [doc_scores[k] for doc_scores in per_doc]
                for s in scores:
                    s.dataset = s.dataset or source.label
                all_scores.extend(scores)
                row = file_row(source, name, scores)
                rows.append(row)
                print(f"done {name} on {path}: {row['docs']} docs, {row['errors']} errors", file=sys.stderr)
                if name == OURS and args.worst:
                    worst_sections.append(worst_report(source, scores, args.worst))
    finally:
        if pool is not None:
            pool.close()
            pool.join()

    lang_rows = language_rows(all_scores, extractors)
    tables = files_table(rows) + error_notes(rows, all_scores) + "\n" + languages_table(lang_rows)
    print(tables)
    for section in worst_sections:
        if section:
            print(section)
    if args.md:
        with open(args.md, "w", encoding="utf-8") as f:
            f.write(tables)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"files": rows, "languages": lang_rows}, f, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
