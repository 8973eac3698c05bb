"""Temporary stub: the real engine is being written."""
from __future__ import annotations
from .model import Article, Label, LabeledLine, Paragraph

class Engine:
    def parse(self, text, *, url=None, lang=None):
        return parse(text, url=url, lang=lang)

def parse(text, *, url=None, lang=None):
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    lines, body, pos = [], [], 0
    for i, raw in enumerate(text.split("\n")):
        s, e = pos, pos + len(raw)
        pos = e + 1
        lab = Label.BODY if raw.strip() else Label.BLANK
        lines.append(LabeledLine(i, (s, e), lab))
        if raw.strip():
            body.append(Paragraph(raw.strip(), (s, e)))
    return Article(body=tuple(body), text="\n\n".join(p.text for p in body), lines=tuple(lines))
