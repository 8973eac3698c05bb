"""articleparse: the article in a plain-text news dump, found by an explainable rule engine.

    >>> import articleparse
    >>> article = articleparse.parse("Big news\\n\\nSomething happened today, and people noticed it.\\n")
    >>> article.text
    'Something happened today, and people noticed it.'
"""

from __future__ import annotations

from .batch import BatchResult, parse_many
from .engine import Engine, parse
from .errors import ArticleparseError, PackError, PackNotFoundError
from .model import (
    Article,
    Block,
    Byline,
    Label,
    LabeledLine,
    Meta,
    Paragraph,
    ParagraphKind,
    RelatedLink,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BatchResult",
    "ArticleparseError",
    "Block",
    "Byline",
    "Engine",
    "Label",
    "LabeledLine",
    "Meta",
    "PackError",
    "PackNotFoundError",
    "Paragraph",
    "ParagraphKind",
    "RelatedLink",
    "parse",
    "parse_many",
    "__version__",
]
