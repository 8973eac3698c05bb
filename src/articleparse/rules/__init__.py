"""Rules and rule packs: what votes for which label.

See :mod:`articleparse.rules.base` for what a rule is and
:mod:`articleparse.rules.loader` for how packs are found and validated.
"""

from .base import Capture, Context, Example, Rule, code_rule, line_fact
from .loader import ENTRY_POINT_GROUP, Pack, installed_packs, load_installed, load_pack, load_pack_folder

__all__ = [
    "Capture",
    "ENTRY_POINT_GROUP",
    "Context",
    "Example",
    "Pack",
    "Rule",
    "code_rule",
    "line_fact",
    "installed_packs",
    "load_installed",
    "load_pack",
    "load_pack_folder",
]
