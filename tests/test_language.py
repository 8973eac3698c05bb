"""Language detection: pack languages, and languages the detector knows without a pack."""

from __future__ import annotations

import articleparse
from articleparse.language import DETECTION_ONLY, detect_language

LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
         "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex "
         "ea commodo consequat.\n\nDuis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu "
         "fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt "
         "mollit anim id est laborum.")
INDONESIAN = ("Harga minyak dunia naik tajam pada hari Senin karena pasokan yang terbatas dan permintaan yang tinggi "
              "dari negara-negara Asia.\n\nMenurut para analis, kenaikan ini akan berlanjut hingga akhir tahun jika "
              "tidak ada perubahan kebijakan.")
VIETNAMESE = ("Giá dầu thế giới tăng mạnh trong phiên giao dịch hôm thứ Hai do nguồn cung hạn chế và nhu cầu cao từ "
              "các nước châu Á.\n\nTheo các nhà phân tích, đà tăng này sẽ còn kéo dài đến cuối năm nếu không có thay "
              "đổi chính sách.")
ENGLISH = ("The council said on Monday that the new bridge would open in the spring, after a delay of two years.\n\n"
           "It was not clear whether the cost of the work had risen, and the mayor did not answer questions.")


def test_languages_without_a_pack_are_not_read_as_a_pack_language() -> None:
    # before DETECTION_ONLY these came out as Swedish, Czech and Italian
    assert articleparse.parse(LOREM).meta.language == "la"
    assert articleparse.parse(INDONESIAN).meta.language == "id"
    assert articleparse.parse(VIETNAMESE).meta.language == "vi"


def test_pack_languages_still_win_their_pages() -> None:
    assert articleparse.parse(ENGLISH).meta.language == "en"
    assert detect_language([ENGLISH], {"en": frozenset({"the", "on", "that", "would", "in"}), **DETECTION_ONLY}) == "en"


def test_a_detection_only_language_gives_its_stop_words_to_the_features() -> None:
    engine = articleparse.Engine()
    ruleset = engine._ruleset("id")
    assert ruleset.stopwords == DETECTION_ONLY["id"]
    assert engine._ruleset(None).stopwords == frozenset()


def test_a_chosen_list_of_packs_keeps_detection_to_their_languages() -> None:
    # Latin shares "in", "at", "id" with English: an engine of core alone must not call English pages Latin
    assert articleparse.parse(ENGLISH, packs=["core"]).meta.language is None
    assert articleparse.parse(LOREM, packs=["core", "en"]).meta.language in ("en", None)
