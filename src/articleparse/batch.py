"""Parse many dumps: :func:`parse_many` for Python and ``articleparse batch`` for files.

:func:`parse_many` streams results from an iterable of dumps (``str``) or records (dicts),
in worker processes when ``jobs > 1``, with a bounded number of documents in flight, so it
runs in constant memory on an endless input::

    >>> from articleparse.batch import parse_many
    >>> [a.headline for a in parse_many(["Bridge to close\\n\\nThe council voted on Tuesday to close the old bridge."])]
    ['Bridge to close']
    >>> r = next(parse_many([{"id": 7, "text": 3}]))
    >>> r.id, r.article, r.error
    (7, None, '"text" is int, not a string; give each record its dump as a str')

:func:`run_batch` is the engine of ``articleparse batch INPUT... -o OUT``: it reads folders
of ``.txt`` files, JSONL (optionally gzipped) and WARC/WET files (with the ``warc`` extra),
and writes one output record per input record to JSONL (resumable with ``resume=True``) or
Parquet (with the ``parquet`` extra). ``docs/pipelines.md`` has the formats and the
guarantees.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import contextlib
import datetime as _dt
import functools
import glob
import gzip
import itertools
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO

import attrs

from .engine import default_engine, parse
from .errors import ArticleparseError
from .model import Article

__all__ = [
    "BatchError",
    "BatchResult",
    "BatchSummary",
    "InputRecord",
    "iter_records",
    "pack_language",
    "parse_many",
    "run_batch",
]

#: Documents per task sent to a worker process.
DEFAULT_CHUNKSIZE = 8
#: Chunks in flight per worker: enough to keep workers busy past a slow document, few
#: enough to bound memory (at most ``jobs * IN_FLIGHT_PER_JOB * chunksize`` documents).
IN_FLIGHT_PER_JOB = 4
#: Rows buffered per Parquet row group.
PARQUET_ROW_GROUP = 500

_BUG = "this is a bug in articleparse; please report it with the input"


class BatchError(ArticleparseError):
    """A batch run cannot start or go on; the message says what is wrong and what to do."""


# =================================================================== results


@attrs.frozen
class BatchResult:
    """What :func:`parse_many` yields for a dict record.

    ``id`` is the record's ``"id"`` as given (None without one); exactly one of ``article``
    (the parsed :class:`~articleparse.Article`) and ``error`` (why the record failed, as a
    sentence) is set.

        >>> r = BatchResult(id="a1", article=Article.empty())
        >>> r.ok, r.to_dict()["error"]
        (True, None)
    """

    id: Any = None
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the record parsed."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """``{"id", "article", "error"}`` with the article as ``Article.to_dict()`` (or None)."""
        return {
            "id": self.id,
            "article": None if self.article is None else self.article.to_dict(),
            "error": self.error,
        }


# =================================================================== languages

# ISO 639-3 and 639-2/B codes (as in WARC-Identified-Content-Language) to ISO 639-1
_ISO639_TO_1 = {
    "ara": "ar", "bul": "bg", "cat": "ca", "ces": "cs", "cze": "cs", "dan": "da", "deu": "de",
    "ger": "de", "ell": "el", "gre": "el", "eng": "en", "spa": "es", "est": "et", "eus": "eu",
    "baq": "eu", "fas": "fa", "per": "fa", "fin": "fi", "fra": "fr", "fre": "fr", "gle": "ga",
    "glg": "gl", "heb": "he", "hin": "hi", "hrv": "hr", "hun": "hu", "ind": "id", "isl": "is",
    "ice": "is", "ita": "it", "jpn": "ja", "kor": "ko", "lit": "lt", "lav": "lv", "msa": "ms",
    "may": "ms", "nld": "nl", "dut": "nl", "nor": "no", "nob": "no", "nno": "no", "pol": "pl",
    "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru", "slk": "sk", "slo": "sk", "slv": "sl",
    "srp": "sr", "swe": "sv", "tha": "th", "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi",
    "zho": "zh", "chi": "zh", "cmn": "zh",
    "nb": "no", "nn": "no",  # Norwegian's written forms share the "no" pack
}


@functools.lru_cache(maxsize=1)
def _pack_languages() -> frozenset[str]:
    return frozenset(c for p in default_engine().packs if p.kind == "language" for c in p.languages)


def pack_language(code: str | None) -> str | None:
    """The language pack code for a language tag from a crawl, or None when there is no pack.

    Takes ISO 639-1 or 639-3 codes, region or script suffixes and comma lists (the first
    entry counts), as in WARC-Identified-Content-Language or datatrove's ``language``
    metadata. None means: let ``parse()`` detect the language.

        >>> pack_language("deu,eng"), pack_language("en-US"), pack_language("eng_Latn")
        ('de', 'en', 'en')
        >>> pack_language("xho") is None
        True
    """
    if not code or not isinstance(code, str):
        return None
    first = code.split(",")[0].strip().lower()
    base = re.split(r"[-_]", first, maxsplit=1)[0]
    short = _ISO639_TO_1.get(base, base if len(base) == 2 else None)
    return short if short in _pack_languages() else None


def _warc_datetime(value: str | None) -> _dt.datetime | None:
    """A WARC-Date (ISO 8601, usually ``...Z``) as an aware datetime; None when unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"  # fromisoformat() reads "Z" only from Python 3.11 on
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=_dt.timezone.utc)


# =================================================================== workers

# What a worker needs for one document: (text, url, lang, lang_is_hint, now, error).
# A record that already failed (unreadable) carries its error and is passed through, so it
# keeps its place in ordered output.
_Payload = tuple


def _parse_payload(payload: _Payload, mode: str) -> tuple[Any, str | None]:
    """``(value, None)`` or ``(None, reason)`` for one document.

    ``mode`` picks the value: ``"article"`` an Article, ``"dict"`` its ``to_dict()``,
    ``"json"`` its JSON as UTF-8 bytes (made in the worker to spread the cost).
    """
    text, url, lang, hinted, now, error = payload
    if error is not None:
        return None, error
    try:
        if hinted:
            lang = pack_language(lang)
        article = parse(text, url=url, lang=lang, now=now)
        if mode == "article":
            return article, None
        data = article.to_dict()
        if mode == "dict":
            return data, None
        try:
            return json.dumps(data, ensure_ascii=False).encode("utf-8"), None
        except UnicodeEncodeError:  # a lone surrogate from a JSON \ud800 escape: keep it escaped
            return json.dumps(data, ensure_ascii=True).encode("ascii"), None
    except Exception as exc:  # one bad document must not stop the others
        return None, f"cannot parse: {type(exc).__name__}: {exc} ({_BUG})"


def _parse_chunk(payloads: Sequence[_Payload], mode: str) -> list[tuple[Any, str | None]]:
    return [_parse_payload(p, mode) for p in payloads]


def _watch_parent() -> None:
    """Exit this worker when the process that started it dies, so that a killed run leaves
    no orphans behind (the parent's sentinel fires when it is gone, however it died)."""
    parent = multiprocessing.parent_process()
    if parent is None:  # not started by multiprocessing
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="articleparse-parent-watch", daemon=True).start()


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _watch_parent()


def _mp_context() -> Any:
    # forkserver: no fork of a multi-threaded parent (tqdm, executor threads); spawn elsewhere
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def resolve_jobs(jobs: int | None) -> int:
    """Worker processes for ``jobs``: None or 0 means one per usable CPU core."""
    if jobs is None or jobs == 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    if not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be a positive number of processes, or 0/None for all cores; got {jobs!r}")
    return jobs


def _chunked(items: Iterable[tuple[Any, _Payload]], size: int) -> Iterator[tuple[list[Any], list[_Payload]]]:
    """``(metas, payloads)`` lists of up to ``size`` items, read lazily."""
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield [m for m, _ in chunk], [p for _, p in chunk]


def _stream(chunks: Iterator[tuple[list[Any], list[_Payload]]], mode: str, *, jobs: int,
            ordered: bool) -> Iterator[tuple[list[Any], list[tuple[Any, str | None]]]]:
    """Parse ``chunks`` and yield ``(metas, results)`` per chunk, lazily.

    With ``jobs == 1`` everything runs in this process. Otherwise a pool of ``jobs``
    processes gets at most ``jobs * IN_FLIGHT_PER_JOB`` chunks at a time (never the whole
    input, as ``Pool.map`` would take), and results come back in input order, or as they
    finish when ``ordered`` is false. Closing the generator cancels what is still queued.
    """
    if jobs == 1:
        for metas, payloads in chunks:
            yield metas, _parse_chunk(payloads, mode)
        return
    window = jobs * IN_FLIGHT_PER_JOB
    pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(), initializer=_worker_init)
    queue: collections.deque[tuple[list[Any], cf.Future]] = collections.deque()  # ordered
    running: dict[cf.Future, list[Any]] = {}  # unordered
    try:
        for metas, payloads in chunks:
            future = pool.submit(_parse_chunk, payloads, mode)
            if ordered:
                queue.append((metas, future))
                while queue and (len(queue) >= window or queue[0][1].done()):
                    head_metas, head = queue.popleft()
                    yield head_metas, head.result()
            else:
                running[future] = metas
                timeout = None if len(running) >= window else 0
                done, _ = cf.wait(running, timeout=timeout, return_when=cf.FIRST_COMPLETED)
                for f in done:
                    yield running.pop(f), f.result()
        while queue:
            head_metas, head = queue.popleft()
            yield head_metas, head.result()
        while running:
            done, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            for f in done:
                yield running.pop(f), f.result()
    finally:
        for _, f in queue:
            f.cancel()
        for f in running:
            f.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


# =================================================================== parse_many


def _prepare(index: int, item: Any) -> tuple[tuple[bool, Any, int], _Payload]:
    """``((is_record, id, index), payload)`` for one ``parse_many`` item."""
    if isinstance(item, str):
        return (False, None, index), (item, None, None, False, None, None)
    if isinstance(item, Mapping):
        rid = item.get("id")
        text = item.get("text")
        error = None
        if "text" not in item:
            error = 'the record has no "text" field; give each record its dump under "text"'
        elif not isinstance(text, str):
            error = f'"text" is {type(text).__name__}, not a string; give each record its dump as a str'
        now = item.get("now")
        if isinstance(now, str):
            now = _warc_datetime(now)
        payload = (text if error is None else None, item.get("url"), item.get("lang"), False,
                   now if isinstance(now, _dt.datetime) else None, error)
        return (True, rid, index), payload
    raise TypeError(
        f"parse_many(): item {index} is {type(item).__name__}; pass each dump as a str, or a dict "
        'record such as {"id": ..., "text": ..., "url": ..., "lang": ...}'
    )


def parse_many(items: Iterable[str | Mapping[str, Any]], *, jobs: int | None = 1, ordered: bool = True,
               chunksize: int = DEFAULT_CHUNKSIZE) -> Iterator[Article | BatchResult]:
    """Parse every dump of ``items`` and yield the results as a stream.

    Items are dumps (``str``), which give an :class:`~articleparse.Article`, or dict records
    ``{"id", "text", "url", "lang", "now"}`` (only ``"text"`` is required; ``url``, ``lang``
    and ``now`` go to :func:`articleparse.parse`), which give a :class:`BatchResult` whose
    ``error`` says why a record failed instead of raising. Any other item raises
    ``TypeError``.

    ``jobs`` worker processes parse in parallel (1: in this process; None or 0: one per
    core). At most ``jobs * 4 * chunksize`` items are read ahead, so an endless iterable is
    fine: stop consuming (or ``close()`` the generator) and the workers stop. Results come
    in input order unless ``ordered=False``, which yields each chunk as it finishes. Workers
    are started with forkserver (spawn where there is none), so a script that calls this
    with ``jobs > 1`` at top level needs the usual ``if __name__ == "__main__":`` guard.
    Bad ``jobs`` or ``chunksize`` raise ``ValueError`` at the call.

        >>> import itertools
        >>> records = ({"id": i, "text": f"Item {i}\\n\\nSomething happened on day {i}."} for i in itertools.count())
        >>> [r.id for r in itertools.islice(parse_many(records), 3)]
        [0, 1, 2]
    """
    jobs = resolve_jobs(jobs)
    if not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive number of items per task; got {chunksize!r}")
    return _parse_many(items, jobs, ordered, chunksize)


def _parse_many(items: Iterable[Any], jobs: int, ordered: bool, chunksize: int) -> Iterator[Article | BatchResult]:
    prepared = (_prepare(i, item) for i, item in enumerate(items))
    for metas, results in _stream(_chunked(prepared, chunksize), "article", jobs=jobs, ordered=ordered):
        for (is_record, rid, index), (value, error) in zip(metas, results):
            if is_record:
                yield BatchResult(id=rid, article=value, error=error)
            elif error is not None:
                raise ArticleparseError(f"parse_many(): item {index}: {error}")
            else:
                yield value


# =================================================================== input records


@attrs.frozen
class InputRecord:
    """One document read from a batch input.

    ``source`` is the file it came from and ``id`` its stable id within that file (see
    :func:`iter_records`); ``(source, id)`` is the key ``--resume`` uses. A record that could
    not be read has ``text=None`` and ``error`` set. ``lang`` is a hint from the input (a
    header or field), used only when articleparse has a pack for it.
    """

    source: str
    id: str | None
    text: str | None = None
    error: str | None = None
    url: str | None = None
    lang: str | None = None
    now: _dt.datetime | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.source, self.id)


#: Input kinds and the file-name endings that select them (``--input-format auto``).
_SUFFIXES = (
    (".txt", "txt"),
    (".jsonl", "jsonl"), (".jsonl.gz", "jsonl"), (".ndjson", "jsonl"), (".ndjson.gz", "jsonl"),
    (".warc", "warc"), (".warc.gz", "warc"), (".wet", "warc"), (".wet.gz", "warc"),
)
INPUT_FORMATS = ("auto", "txt", "jsonl", "warc")
_GLOB_CHARS = re.compile(r"[*?\[]")
_WARC_TEXT_TYPES = ("conversion", "resource")


def _kind_of(path: str, forced: str) -> str | None:
    if forced != "auto":
        return forced
    name = path.lower()
    for suffix, kind in _SUFFIXES:
        if name.endswith(suffix):
            return kind
    return None


def _unknown_kind(path: str) -> BatchError:
    return BatchError(
        f"{path}: cannot tell what kind of input this is from its name; name it .txt, "
        ".jsonl[.gz] or .warc[.gz]/.wet[.gz], or pass --input-format txt|jsonl|warc"
    )


def _require_warcio(path: str) -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise BatchError(
            f"{path}: reading WARC/WET files needs warcio, which is not installed; "
            "install it with: pip install 'articleparse[warc]'"
        ) from None
    return ArchiveIterator


def _walk_txt(folder: str) -> Iterator[str]:
    """The ``.txt`` files under ``folder``, recursively, in sorted order, found lazily."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".txt"):
                yield os.path.join(root, name)


def _input_files(inputs: Sequence[str], input_format: str) -> list[Iterable[tuple[str, str]]]:
    """For each INPUT, its ``(path, kind)`` files; checks up front that each input exists.

    Folders are walked lazily (only when reached) and give their ``.txt`` files; globs are
    expanded and sorted now; a named file or glob match gets the kind of its name (or
    ``input_format`` when that is not ``auto``).
    """
    plan: list[Iterable[tuple[str, str]]] = []
    for spec in inputs:
        if os.path.isdir(spec):
            plan.append((path, "txt") for path in _walk_txt(spec))
            continue
        if os.path.exists(spec):
            files = [spec]
        elif _GLOB_CHARS.search(spec):
            files = sorted(p for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
            if not files:
                raise BatchError(f"{spec}: the pattern matches no files; check the pattern (quote it for the shell)")
        else:
            raise BatchError(f"{spec}: no such file or folder")
        kinds = []
        for path in files:
            kind = _kind_of(path, input_format)
            if kind is None:
                raise _unknown_kind(path)
            if kind == "warc":
                _require_warcio(path)
            kinds.append((path, kind))
        plan.append(kinds)
    return plan


def iter_records(inputs: Sequence[str], *, text_field: str = "text", id_field: str | None = "id",
                 input_format: str = "auto", encoding_errors: str = "strict",
                 exclude: Iterable[str] = (), skipped: collections.Counter | None = None) -> Iterator[InputRecord]:
    """Every document of ``inputs`` (files, folders, glob patterns), in order, read lazily.

    * A folder gives its ``.txt`` files (recursively, sorted); a ``.txt`` file is one record
      with id = the file name without ``.txt``.
    * JSONL (``.jsonl``, ``.jsonl.gz``) gives one record per non-blank line: the text is
      ``text_field``, the id ``id_field`` (as a string), or ``line-N`` (1-based line number)
      when the field is absent or ``id_field`` is empty; string ``url``/``lang`` fields are
      passed on.
    * WARC/WET (``.warc[.gz]``, ``.wet[.gz]``) gives one record per ``conversion`` or
      ``resource`` record, id = its WARC-Record-ID (or ``record-N``); WARC-Target-URI,
      WARC-Date and WARC-Identified-Content-Language become ``url``, ``now`` and ``lang``.
      Other record types (``warcinfo``, ``response`` ...) are counted in ``skipped``.

    A record that cannot be read (bad JSON, no text, undecodable bytes, a truncated file)
    comes back with ``error`` set and reading goes on. Text must be UTF-8 (a WARC record's
    declared charset is honoured); ``encoding_errors="replace"`` accepts bad bytes as U+FFFD.
    Files whose real path is in ``exclude`` (the output) are left out. Raises
    :class:`BatchError` up front when an input does not exist or needs a missing extra.

        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp()); _ = (folder / "a.txt").write_text("Hi\\n\\nThere.")
        >>> [(r.id, r.text) for r in iter_records([str(folder)])]
        [('a', 'Hi\\n\\nThere.')]
    """
    if input_format not in INPUT_FORMATS:
        raise BatchError(f"unknown input format {input_format!r}; use one of {', '.join(INPUT_FORMATS)}")
    if encoding_errors not in ("strict", "replace"):
        raise BatchError(f"unknown encoding-errors policy {encoding_errors!r}; use strict or replace")
    excluded = {os.path.realpath(p) for p in exclude}
    skipped = skipped if skipped is not None else collections.Counter()
    for files in _input_files(inputs, input_format):
        for path, kind in files:
            if excluded and os.path.realpath(path) in excluded:
                continue
            if kind == "txt":
                yield _read_txt(path, encoding_errors)
            elif kind == "jsonl":
                yield from _read_jsonl(path, text_field, id_field, encoding_errors)
            else:
                yield from _read_warc(path, encoding_errors, skipped)


def _decode(data: bytes, errors: str, charset: str = "utf-8") -> tuple[str | None, str | None]:
    """``(text, None)`` or ``(None, reason)``."""
    try:
        return data.decode(charset), None
    except LookupError:
        charset = "utf-8"  # an unknown declared charset: try UTF-8, the usual truth
        return _decode(data, errors, charset)
    except UnicodeDecodeError as exc:
        if errors == "replace":
            return data.decode(charset, errors="replace"), None
        return None, (f"not valid {charset.upper()} (first bad byte at offset {exc.start}); convert it to "
                      "UTF-8, or pass --encoding-errors replace to read bad bytes as U+FFFD")


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _read_txt(path: str, errors: str) -> InputRecord:
    name = os.path.basename(path)
    rid = name[:-4] if name.lower().endswith(".txt") else name
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return InputRecord(path, rid, error=f"cannot read the file: {_os_reason(exc)}")
    text, reason = _decode(data, errors)
    return InputRecord(path, rid, text=text, error=reason)


def _gunzipped(handle: BinaryIO) -> Any:
    """A context giving ``handle``'s bytes, through gzip when they start with the gzip magic
    (whatever the file's name says)."""
    if handle.peek(2)[:2] == b"\x1f\x8b":  # type: ignore[attr-defined]
        return gzip.GzipFile(fileobj=handle, mode="rb")
    return contextlib.nullcontext(handle)


def _id_string(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)


def _read_jsonl(path: str, text_field: str, id_field: str | None, errors: str) -> Iterator[InputRecord]:
    try:
        raw = open(path, "rb")
    except OSError as exc:
        yield InputRecord(path, None, error=f"cannot open the file: {_os_reason(exc)}")
        return
    number = 0
    with raw, _gunzipped(raw) as handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield _jsonl_record(path, number, raw, text_field, id_field, errors)
        except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt gzip
            yield InputRecord(path, f"line-{number + 1}", error=(
                f"cannot read past line {number}: {type(exc).__name__}: {exc}; "
                "the file is truncated or corrupt (re-download or re-compress it)"))


def _jsonl_record(path: str, number: int, raw: bytes, text_field: str, id_field: str | None,
                  errors: str) -> InputRecord:
    fallback = f"line-{number}"
    line, reason = _decode(raw, errors)
    if line is None:
        return InputRecord(path, fallback, error=f"line {number} is {reason}")
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return InputRecord(path, fallback, error=f"line {number} is not JSON ({exc}); fix or remove the line")
    if not isinstance(obj, dict):
        return InputRecord(path, fallback, error=(
            f"line {number} is a JSON {type(obj).__name__}, not an object; each line must be an "
            f'object with a "{text_field}" field'))
    value = obj.get(id_field) if id_field else None
    rid = fallback if value is None else _id_string(value)
    if text_field not in obj:
        fields = ", ".join(sorted(obj)[:10]) or "none"
        return InputRecord(path, rid, error=(
            f'line {number} has no "{text_field}" field (its fields: {fields}); '
            "name the text field with --text-field"))
    text = obj[text_field]
    if not isinstance(text, str):
        return InputRecord(path, rid, error=(
            f'line {number}: "{text_field}" is {"null" if text is None else type(text).__name__}, '
            "not a string; each record needs its dump as a JSON string"))
    url = obj.get("url")
    lang = obj.get("lang")
    return InputRecord(path, rid, text=text, url=url if isinstance(url, str) else None,
                       lang=lang if isinstance(lang, str) else None)


def _charset(content_type: str) -> str:
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else "utf-8"


def _read_warc(path: str, errors: str, skipped: collections.Counter) -> Iterator[InputRecord]:
    archive_iterator = _require_warcio(path)
    from warcio.exceptions import ArchiveLoadFailed
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield InputRecord(path, None, error=f"cannot open the file: {_os_reason(exc)}")
        return
    index = 0
    with handle:
        try:
            for rec in archive_iterator(handle):
                if rec.rec_type not in _WARC_TEXT_TYPES:
                    skipped[rec.rec_type or "unknown"] += 1
                    continue
                index += 1
                headers = rec.rec_headers
                rid = headers.get_header("WARC-Record-ID") or f"record-{index}"
                url = headers.get_header("WARC-Target-URI")
                now = _warc_datetime(headers.get_header("WARC-Date"))
                lang = headers.get_header("WARC-Identified-Content-Language")
                content_type = rec.content_type or ""
                media = content_type.split(";")[0].strip().lower()
                if media and media != "text/plain":
                    rec.content_stream().read()  # move past the payload
                    yield InputRecord(path, rid, url=url, error=(
                        f"{rec.rec_type} record is {media}, not text/plain; articleparse reads text "
                        "dumps: convert the page to text first (WET files hold text already)"))
                    continue
                data = rec.content_stream().read()
                text, reason = _decode(data, errors, _charset(content_type))
                yield InputRecord(path, rid, text=text, error=reason, url=url, lang=lang, now=now)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:  # truncated or corrupt
            yield InputRecord(path, f"record-{index + 1}", error=(
                f"cannot read the WARC file after record {index}: {type(exc).__name__}: {exc}; "
                "the file is truncated, corrupt or not a WARC file"))


def _payload(record: InputRecord, lang: str | None) -> _Payload:
    if lang is not None:
        return (record.text, record.url, lang, False, record.now, record.error)
    return (record.text, record.url, record.lang, record.lang is not None, record.now, record.error)


# =================================================================== output


def _json_ascii(value: Any) -> bytes:
    # ASCII-escaped, so that an odd file name (surrogate-escaped bytes) still writes and reads back
    return json.dumps(value, ensure_ascii=True).encode("ascii")


# the start of a line written by _JsonlSink: {"id": <string or null>, "source": <string>,
_KEY_PREFIX = re.compile(rb'\{"id": (null|"(?:[^"\\]|\\.)*"), "source": ("(?:[^"\\]|\\.)*")')


class _JsonlSink:
    """Appends one JSON line per record and flushes it, so a killed run loses at most the
    line it was writing (which ``--resume`` drops)."""

    def __init__(self, path: str, *, append: bool):
        self.path = path
        if path == "-":
            self._out = sys.stdout.buffer
            self._close = False
        else:
            self._out = open(path, "ab" if append else "wb", buffering=0)
            self._close = True

    def write(self, source: str, rid: str | None, value: bytes | None, error: str | None) -> None:
        head = b'{"id": ' + _json_ascii(rid) + b', "source": ' + _json_ascii(source)
        if error is None:
            line = head + b', "article": ' + value + b"}\n"
        else:
            line = head + b', "error": ' + _json_ascii(error) + b"}\n"
        view = memoryview(line)
        while view:  # a raw write may take only part of the line
            written = self._out.write(view)
            view = view[written:] if written is not None else view[len(view):]
        if not self._close:
            self._out.flush()

    def close(self, *, complete: bool = True) -> None:
        if self._close:
            self._out.close()


class _ParquetSink:
    """Writes row groups to ``OUT.partial`` and renames it to OUT when the run completes, so
    OUT is never a half-written file."""

    def __init__(self, path: str):
        from .integrations.schema import batch_arrow_schema

        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise BatchError(
                f"{path}: writing Parquet needs pyarrow, which is not installed; install it with "
                "pip install 'articleparse[parquet]', or write JSONL (-o OUT.jsonl)"
            ) from None
        self._pa = pa
        self.path = path
        self.partial = path + ".partial"
        self.schema = batch_arrow_schema()
        self._writer = pq.ParquetWriter(self.partial, self.schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, source: str, rid: str | None, value: dict | None, error: str | None) -> None:
        self._rows.append({"id": rid, "source": source, "article": value, "error": error})
        if len(self._rows) >= PARQUET_ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self, *, complete: bool = True) -> None:
        if complete:
            self._flush()
            self._writer.close()
            os.replace(self.partial, self.path)
        else:
            self._writer.close()
            os.remove(self.partial)


def _drop_partial_line(path: str) -> int:
    """Truncate ``path`` after its last newline; returns how many bytes were dropped."""
    with open(path, "rb+") as handle:
        end = handle.seek(0, os.SEEK_END)
        pos = end
        block = 1 << 16
        while pos > 0:
            start = max(0, pos - block)
            handle.seek(start)
            data = handle.read(pos - start)
            newline = data.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            pos = start
        else:
            keep = 0
        if keep < end:
            handle.truncate(keep)
        return end - keep


def _done_keys(path: str) -> collections.Counter:
    """How many times each ``(source, id)`` is already in the JSONL output ``path``."""
    done: collections.Counter = collections.Counter()
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            match = _KEY_PREFIX.match(line)
            try:
                if match:
                    key = (json.loads(match.group(2)), json.loads(match.group(1)))
                else:  # written by something else: read it whole
                    obj = json.loads(line)
                    key = (obj["source"], obj["id"])
            except (ValueError, KeyError, TypeError):
                raise BatchError(
                    f"{path}: line {number} is not an articleparse batch record, so the run cannot be "
                    "resumed from this file; check the -o path, or pass --overwrite to start again"
                ) from None
            done[key] += 1
    return done


# =================================================================== progress


class _Progress:
    """A progress display on stderr: tqdm when installed, else a one-line counter; off when
    stderr is not a terminal."""

    def __init__(self, enabled: bool, *, resumed: int = 0):
        self.enabled = enabled
        self.count = 0
        self.errors = 0
        self._bar: Any = None
        self._start = time.perf_counter()
        self._last = 0.0
        self._resumed = resumed
        if not enabled:
            return
        try:
            from tqdm import tqdm
        except ImportError:
            return
        self._bar = tqdm(desc="articleparse batch", unit=" docs", file=sys.stderr, dynamic_ncols=True,
                         mininterval=0.5)
        if resumed:
            self._bar.set_postfix_str(f"{resumed} done before", refresh=False)

    def update(self, error: bool) -> None:
        self.count += 1
        self.errors += error
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(1)
            if error:
                before = f", {self._resumed} done before" if self._resumed else ""
                self._bar.set_postfix_str(f"{self.errors} errors{before}", refresh=False)
            return
        now = time.perf_counter()
        if now - self._last >= 0.5:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.count / max(now - self._start, 1e-9)
        sys.stderr.write(f"\rarticleparse batch: {self.count} docs, {self.errors} errors, {rate:.1f} docs/s ")
        sys.stderr.flush()

    def close(self) -> None:
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.close()
        else:
            self._draw(time.perf_counter())
            sys.stderr.write("\n")
            sys.stderr.flush()


# =================================================================== run_batch


@attrs.frozen
class BatchSummary:
    """What a :func:`run_batch` run did."""

    output: str
    written: int  # records written by this run, error rows included
    errors: int  # error rows written by this run
    resumed: int  # records skipped because the output already held them
    unmatched: int  # output rows from before that matched no input record
    skipped_warc: dict[str, int]  # WARC records of other types (warcinfo, response ...), by type
    seconds: float

    @property
    def docs_per_second(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0


OUTPUT_FORMATS = ("auto", "jsonl", "parquet")


def _output_format(output: str, fmt: str) -> str:
    if fmt not in OUTPUT_FORMATS:
        raise BatchError(f"unknown output format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}")
    if fmt == "auto":
        fmt = "parquet" if output.lower().endswith(".parquet") else "jsonl"
    if fmt == "jsonl" and output.lower().endswith(".gz"):
        raise BatchError(f"{output}: compressed output cannot be appended record by record or resumed; "
                         "write plain JSONL (-o OUT.jsonl) and compress it when the run is done")
    return fmt


def run_batch(inputs: Sequence[str], output: str, *, format: str = "auto", jobs: int | None = None,
              ordered: bool = True, resume: bool = False, overwrite: bool = False,
              text_field: str = "text", id_field: str | None = "id", input_format: str = "auto",
              encoding_errors: str = "strict", lang: str | None = None,
              chunksize: int = DEFAULT_CHUNKSIZE, progress: bool | None = None,
              warn: Callable[[str], None] | None = None) -> BatchSummary:
    """Parse every record of ``inputs`` into ``output``: the ``articleparse batch`` command.

    Writes one record per input record, ``{"id", "source", "article"}`` or
    ``{"id", "source", "error"}``, to JSONL (``output`` ``-`` is stdout) or Parquet (by
    ``format``, or an ``output`` ending in ``.parquet``). ``resume=True`` continues a JSONL
    output left by an interrupted run: a trailing partial line is dropped and records already
    written are skipped, so every input record ends up in the output exactly once. Without
    ``resume`` or ``overwrite`` an existing non-empty output is an error. ``progress`` (None:
    when stderr is a terminal) shows a documents-per-second display on stderr. ``lang``
    forces one language for all records. Raises :class:`BatchError` for problems that stop
    the run; a record that fails becomes an error row and the run goes on.

        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp()); _ = (folder / "a.txt").write_text("Hi\\n\\nThere it is.")
        >>> run_batch([str(folder)], str(folder / "out.jsonl"), jobs=1, progress=False).written
        1
    """
    warn = warn or (lambda message: print(f"articleparse batch: {message}", file=sys.stderr))
    fmt = _output_format(output, format)
    try:
        jobs = resolve_jobs(jobs)
    except ValueError as exc:
        raise BatchError(f"--jobs: {exc}") from None
    to_stdout = output == "-"
    if to_stdout and fmt != "jsonl":
        raise BatchError("Parquet cannot be written to stdout; give a file name with -o")
    if resume and (to_stdout or fmt != "jsonl"):
        raise BatchError("--resume works with JSONL written to a file; a Parquet file is only written "
                         "when its run completes, so write JSONL for runs you may need to resume")
    if resume and overwrite:
        raise BatchError("--resume and --overwrite contradict each other; pass one of them")
    exists = not to_stdout and os.path.exists(output)
    if exists and os.path.isdir(output):
        raise BatchError(f"{output}: is a folder; -o takes a file name")
    if exists and not resume and not overwrite and os.path.getsize(output) > 0:
        raise BatchError(f"{output}: already exists; pass --resume to continue that run, "
                         "or --overwrite to replace it")

    done: collections.Counter = collections.Counter()
    if resume and exists:
        dropped = _drop_partial_line(output)
        if dropped:
            warn(f"{output}: dropped a partial last line ({dropped} bytes) left by an interrupted run")
        done = _done_keys(output)
    resumed = 0

    skipped_warc: collections.Counter = collections.Counter()
    exclude = [] if to_stdout else [output, output + ".partial"]
    # reading starts lazily, but missing inputs and extras are reported before any output is made
    records = iter_records(inputs, text_field=text_field, id_field=id_field or None,
                           input_format=input_format, encoding_errors=encoding_errors,
                           exclude=exclude, skipped=skipped_warc)
    first = next(records, None)

    def pending() -> Iterator[tuple[tuple[str, str | None], _Payload]]:
        nonlocal resumed
        for record in itertools.chain([first] if first is not None else [], records):
            key = record.key
            count = done.get(key)
            if count:
                resumed += 1
                if count == 1:
                    del done[key]  # the set of done keys shrinks as the run catches up
                else:
                    done[key] = count - 1
                continue
            yield key, _payload(record, lang)

    sink: _JsonlSink | _ParquetSink
    try:
        sink = _ParquetSink(output) if fmt == "parquet" else _JsonlSink(output, append=resume)
    except OSError as exc:
        raise BatchError(f"{output}: cannot write: {exc.strerror or exc}; check that its folder exists "
                         "and is writable") from None
    show = sys.stderr.isatty() if progress is None else progress
    bar = _Progress(bool(show), resumed=sum(done.values()))
    mode = "dict" if fmt == "parquet" else "json"
    start = time.perf_counter()
    complete = False
    try:
        stream = _stream(_chunked(pending(), chunksize), mode, jobs=jobs, ordered=ordered)
        for metas, results in stream:
            for (source, rid), (value, error) in zip(metas, results):
                sink.write(source, rid, value, error)
                bar.update(error is not None)
        complete = True
    except cf.BrokenExecutor:
        raise BatchError(
            "a worker process died (killed, or out of memory) while parsing; the records written so "
            "far are complete: run again with --resume (and fewer --jobs if memory is short)"
        ) from None
    finally:
        bar.close()
        sink.close(complete=complete or fmt == "jsonl")
    return BatchSummary(output=output, written=bar.count, errors=bar.errors, resumed=resumed,
                        unmatched=sum(done.values()), skipped_warc=dict(skipped_warc),
                        seconds=time.perf_counter() - start)


# =================================================================== command line


def run_cli(args: Any, warn: Callable[[str], None]) -> int:
    """Run ``articleparse batch`` from parsed arguments; returns the exit status.

    0 when the run completed (even with error rows, unless ``--fail-on-error``), 2 when it
    could not start or go on, or with ``--fail-on-error`` and any error row, 130 on Ctrl-C.
    """
    def note(message: str) -> None:
        warn(f"batch: {message}")

    try:
        summary = run_batch(
            args.inputs, args.output, format=args.format, jobs=args.jobs, ordered=not args.unordered,
            resume=args.resume, overwrite=args.overwrite, text_field=args.text_field,
            id_field=args.id_field, input_format=args.input_format,
            encoding_errors=args.encoding_errors, lang=args.lang,
            progress=False if args.no_progress else None, warn=note,
        )
    except BatchError as exc:
        note(str(exc))
        return 2
    except BrokenPipeError:
        raise  # the command line's own handling: quiet exit 141
    except OSError as exc:  # the disk filled up, a file vanished ...
        note(f"{exc.filename or args.output}: {exc.strerror or exc}; the records written so far are "
             "complete: fix the cause and run again with --resume")
        return 2
    except KeyboardInterrupt:
        resumable = args.output != "-" and _output_format(args.output, args.format) == "jsonl"
        note("interrupted" + ("; every record written so far is complete: run the same command with "
                              "--resume to continue" if resumable else ""))
        return 130
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(summary.skipped_warc.items()))
    if summary.written == 0 and summary.resumed == 0:
        if kinds:
            note(f"the WARC inputs held no conversion or resource records (only {kinds}); articleparse "
                 "reads text: give it WET files, or convert the pages to text first")
        else:
            note("the inputs held no records; nothing was parsed")
    elif kinds and sys.stderr.isatty():
        note(f"skipped WARC records that are not text conversions: {kinds}")
    if summary.unmatched:
        note(f"{summary.unmatched} records already in {summary.output} match no input record of this run "
             "(were the inputs different?)")
    if summary.errors:
        note(f"{summary.errors} of {summary.written} records failed; their output rows have an \"error\" "
             "field with the reason")
    if sys.stderr.isatty():
        resumed = f", {summary.resumed} already done" if summary.resumed else ""
        note(f"{summary.written} records in {summary.seconds:.1f} s ({summary.docs_per_second:.1f} docs/s)"
             f"{resumed} -> {summary.output}")
    return 2 if args.fail_on_error and summary.errors else 0
