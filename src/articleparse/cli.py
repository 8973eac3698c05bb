"""The ``articleparse`` command line.

::

    articleparse parse FILE... [--format json|md|text|xml] [--url URL] [--lang LANG]
    articleparse explain FILE [--only-nonblank] [--html OUT.html] [--url URL] [--lang LANG]
    articleparse packs list | check PATH [--update-goldens] | new NAME [--dir FOLDER]
    articleparse --version

``-`` as a FILE reads standard input. Exit status: 0 on success, 2 when any input could not be
read or parsed (the other inputs are still processed) or the command line is wrong, 130 on
Ctrl-C, 141 when the reader of the output goes away (``articleparse parse big.txt | head``).
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import unicodedata
from collections.abc import Callable, Sequence

from . import __version__
from .engine import parse
from .model import Article, Label
from .render import to_markdown, to_text, to_xml

__all__ = ["main"]

PROG = "articleparse"

#: Exit statuses.
EXIT_OK = 0
EXIT_ERROR = 2  # an input could not be read or parsed, or the command line is wrong
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports `cat big | head`

#: The name ``-`` stands for standard input; messages and headers call it this.
STDIN_NAME = "<stdin>"

#: Width of ``explain`` rows when standard output is not a terminal.
DEFAULT_WIDTH = 120

#: ``explain`` keeps at least this many characters of the line's text, however narrow the terminal.
MIN_TEXT_WIDTH = 20

#: Removed before deciding whether a line is blank: they print as nothing.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"))


class InputError(Exception):
    """An input could not be read or parsed; the message is the one line to print."""


# ----------------------------------------------------------------- reading


def _warn(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _display_name(path: str) -> str:
    return STDIN_NAME if path == "-" else path


def _read_bytes(path: str) -> bytes:
    if path == "-":
        stream = sys.stdin
        buffer = getattr(stream, "buffer", None)
        # a replaced sys.stdin (tests, embedding) may be text-only
        return buffer.read() if buffer is not None else stream.read().encode("utf-8")
    with open(path, "rb") as handle:
        return handle.read()


def read_input(path: str) -> str:
    """The text of ``path`` (``-`` is standard input), decoded as UTF-8.

    Bytes that are not UTF-8 are replaced with U+FFFD and a warning naming the file goes to
    stderr, so one bad byte does not lose a whole dump. Raises :class:`InputError` when the
    input cannot be read.
    """
    name = _display_name(path)
    try:
        data = _read_bytes(path)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        _warn(
            f"{name}: warning: not valid UTF-8 (first bad byte at offset {error.start}); "
            "undecodable bytes replaced with U+FFFD"
        )
        return data.decode("utf-8", errors="replace")


def _parse_input(path: str, args: argparse.Namespace) -> tuple[str, Article]:
    """Read and parse one input; raises :class:`InputError` with the line to print."""
    text = read_input(path)
    try:
        return text, parse(text, url=args.url, lang=args.lang)
    except Exception as error:  # one bad dump must not stop a batch, nor print a traceback
        raise InputError(
            f"{_display_name(path)}: cannot parse: {type(error).__name__}: {error} "
            "(this is a bug in articleparse; please report it with the input)"
        ) from None


# ------------------------------------------------------------------- parse


def _render_json(article: Article) -> str:
    return article.to_json(indent=2)


#: ``--format`` choices and their renderers.
FORMATS: dict[str, Callable[[Article], str | bytes]] = {
    "json": _render_json,
    "md": to_markdown,
    "text": to_text,
    "xml": to_xml,
}


def _emit(data: str | bytes) -> None:
    """Write ``data`` to stdout as UTF-8, whatever the locale says.

    JSON and XML are UTF-8 by definition, and a dump in any script must print without an
    encoding error; the text layer is flushed first so that output stays in order.
    """
    if isinstance(data, str):
        data = data.encode("utf-8", errors="backslashreplace")
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text-only replacement for sys.stdout
        out.write(data.decode("utf-8"))
    else:
        out.flush()
        buffer.write(data)
        buffer.flush()


def _emit_document(document: str | bytes) -> None:
    """Write ``document`` followed by exactly one newline."""
    newline = b"\n" if isinstance(document, bytes) else "\n"
    _emit(document if document.endswith(newline) else document + newline)


def _cmd_parse(args: argparse.Namespace) -> int:
    status = EXIT_OK
    several = len(args.files) > 1
    render = FORMATS[args.format]
    written = 0
    for path in args.files:
        try:
            _, article = _parse_input(path, args)
        except InputError as error:
            _warn(str(error))
            status = EXIT_ERROR
            continue
        name = _display_name(path)
        if several and args.format == "json":
            # one compact JSON document per line, so the output is JSON Lines
            record = {"file": name, "article": article.to_dict()}
            _emit(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            if several:
                separator = "\n" if written else ""  # a blank line between files
                _emit(f"{separator}==> {name} <==\n")
            _emit_document(render(article))
        written += 1
    return status


# ----------------------------------------------------------------- explain


def _is_blank(line: str) -> bool:
    return not line.translate(_ZERO_WIDTH).strip()


def _char_width(char: str) -> int:
    """Columns ``char`` takes in a terminal: 0 for combining marks, 2 for wide East Asian."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _printable(text: str) -> str:
    """``text`` made safe for a terminal: tabs become spaces, other controls show as escapes."""
    pieces = []
    for char in text.replace("\t", " "):
        if unicodedata.category(char) in ("Cc", "Cs"):
            pieces.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            pieces.append(char)
    return "".join(pieces)


def _clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` terminal columns, an ellipsis marking the cut."""
    if sum(map(_char_width, text)) <= width:
        return text
    kept, used = [], 0
    for char in text:
        used += _char_width(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def _output_width() -> int:
    """The terminal's width when writing to one (or ``$COLUMNS``), otherwise 120."""
    return shutil.get_terminal_size(fallback=(DEFAULT_WIDTH, 24)).columns


def explain_rows(text: str, article: Article, *, only_nonblank: bool = False) -> list[tuple[str, ...]]:
    """One row per input line: line number (1-based), label, confidence, rule ids, line text.

    Rule ids are comma-joined, ``-`` when no rule fired; the text is the raw line from the
    input (``text[start:end]``) made printable but not yet clipped to the width.
    """
    rows = []
    for number, line in enumerate(article.lines, start=1):
        raw = text[line.span[0] : line.span[1]]
        blank = line.label is Label.BLANK or _is_blank(raw)
        if only_nonblank and blank:
            continue
        rows.append(
            (
                str(number),
                line.label.value,
                f"{line.confidence:.2f}",
                ",".join(line.rules) or "-",
                _printable(raw),
            )
        )
    return rows


def format_rows(rows: Sequence[tuple[str, ...]], width: int) -> list[str]:
    """Align ``explain_rows`` output in columns and clip each row to ``width`` columns."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for number, label, confidence, rules, raw in rows:
        prefix = "  ".join(
            (
                number.rjust(widths[0]),
                label.ljust(widths[1]),
                confidence.rjust(widths[2]),
                rules.ljust(widths[3]),
            )
        )
        room = max(width - len(prefix) - 2, MIN_TEXT_WIDTH)
        lines.append(f"{prefix}  {_clip(raw, room)}".rstrip())
    return lines


def _write_explain_html(path: str, name: str, text: str, article: Article) -> int:
    """Write the explanation of ``article`` as one web page to ``path`` (``-`` is stdout)."""
    from .explain_html import render_explain_html

    page = render_explain_html(text, article, title=name)
    if path == "-":
        _emit(page)
        return EXIT_OK
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(page)
    except OSError as error:
        _warn(f"{path}: cannot write: {error.strerror or error}")
        return EXIT_ERROR
    _warn(f"wrote {path}")
    return EXIT_OK


def _cmd_explain(args: argparse.Namespace) -> int:
    try:
        text, article = _parse_input(args.file, args)
    except InputError as error:
        _warn(str(error))
        return EXIT_ERROR
    if args.html is not None:
        return _write_explain_html(args.html, _display_name(args.file), text, article)
    rows = explain_rows(text, article, only_nonblank=args.only_nonblank)
    _emit("".join(line + "\n" for line in format_rows(rows, _output_width())))
    return EXIT_OK


# ------------------------------------------------------------------- packs


def _add_packs_command(commands: argparse._SubParsersAction) -> None:
    """``articleparse packs list | check PATH | new NAME``: see :mod:`articleparse.packs_cli`."""
    from .packs_cli import add_packs_command

    add_packs_command(commands)


# ------------------------------------------------------------------- batch


def _add_batch_command(commands: argparse._SubParsersAction) -> None:
    """``articleparse batch INPUT... -o OUT``: parse many dumps into JSONL or Parquet.

    The work is done by :func:`articleparse.batch.run_batch`, imported when the command runs
    so that the other commands start without it.
    """
    batch = commands.add_parser(
        "batch",
        help="parse folders, JSONL and WARC/WET files into one JSONL or Parquet output",
        description="Parse every record of the inputs into OUT: one {\"id\", \"source\", \"article\"} "
        "record per input record, or {\"id\", \"source\", \"error\"} when a record cannot be read or "
        "parsed (the run goes on). Inputs are folders of .txt files, .txt files, JSONL files "
        "(.jsonl, .jsonl.gz), WARC/WET files (.warc[.gz], .wet[.gz]; needs articleparse[warc]) and "
        "quoted glob patterns of these. See docs/pipelines.md.",
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="a folder, file or quoted glob pattern")
    batch.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="the output file: JSONL, or Parquet when it ends in .parquet; - for stdout (JSONL)")
    batch.add_argument("--format", choices=("auto", "jsonl", "parquet"), default="auto",
                       help="output format (default: from OUT's name)")
    batch.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="worker processes (default: one per CPU core; 1 parses in this process)")
    batch.add_argument("--unordered", action="store_true",
                       help="write records as they finish instead of in input order")
    batch.add_argument("--resume", action="store_true",
                       help="continue a JSONL output left by an interrupted run: skip the records it holds")
    batch.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    batch.add_argument("--fail-on-error", action="store_true",
                       help="exit with status 2 when any record failed (default: 0; failed records are error rows)")
    batch.add_argument("--text-field", default="text", metavar="NAME",
                       help="JSONL field holding the dump (default: text)")
    batch.add_argument("--id-field", default="id", metavar="NAME",
                       help="JSONL field holding the record id (default: id; '' uses line-N)")
    batch.add_argument("--input-format", choices=("auto", "txt", "jsonl", "warc"), default="auto",
                       help="read named files and glob matches as this kind (default: from their names)")
    batch.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                       help="bytes that are not UTF-8: make the record an error row (strict, default) "
                       "or read them as U+FFFD (replace)")
    batch.add_argument("--lang", metavar="LANG",
                       help="every dump's language, e.g. en (default: the input's hint, else detect)")
    batch.add_argument("--no-progress", action="store_true",
                       help="no progress display (it is shown only when stderr is a terminal)")

    def run(args: argparse.Namespace) -> int:
        from .batch import run_cli

        return run_cli(args, _warn)

    batch.set_defaults(func=run)


# ------------------------------------------------------------------ parser


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="the page's address, to choose site rule packs")
    parser.add_argument("--lang", metavar="LANG", help="the dump's language, e.g. en (default: detect)")


def build_parser() -> argparse.ArgumentParser:
    """The ``articleparse`` argument parser, one subparser per command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find the headline, byline, date, body, teasers and navigation "
        "in a plain-text news dump.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    parse_cmd = commands.add_parser(
        "parse",
        help="print the article found in each dump",
        description="Print the article found in each dump. With several files, JSON output "
        "is one {\"file\": ..., \"article\": ...} object per line; other formats get a "
        "'==> FILE <==' header before each file.",
    )
    parse_cmd.add_argument("files", nargs="+", metavar="FILE", help="a text dump, or - for stdin")
    parse_cmd.add_argument(
        "--format", "-f", choices=tuple(FORMATS), default="json", help="output format (default: json)"
    )
    _add_engine_options(parse_cmd)
    parse_cmd.set_defaults(func=_cmd_parse)

    explain_cmd = commands.add_parser(
        "explain",
        help="show every line with its label, confidence and rules",
        description="Show every line of the dump with its label, confidence and the rules "
        "that voted for it.",
    )
    explain_cmd.add_argument("file", metavar="FILE", help="a text dump, or - for stdin")
    explain_cmd.add_argument("--only-nonblank", action="store_true", help="leave out blank lines")
    explain_cmd.add_argument("--html", metavar="OUT.html",
                             help="write the explanation as one self-contained web page to OUT.html "
                             "(- for stdout) instead of printing rows")
    _add_engine_options(explain_cmd)
    explain_cmd.set_defaults(func=_cmd_explain)

    _add_batch_command(commands)
    _add_packs_command(commands)
    return parser


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (e.g. captured)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        if exit_.code is None:
            return EXIT_OK
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    try:
        return args.func(args)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
