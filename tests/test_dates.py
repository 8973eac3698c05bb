"""Tests of articleparse.dates: one item per example line, plus negatives and API checks."""

from __future__ import annotations

import datetime as dt

import pytest

from articleparse.dates import DateLexicon, DateMatch, load_table
from articleparse.errors import PackError, PackNotFoundError

LANGS = "en de fr es it pt nl ru zh ja pl uk cs tr sv da no fi hu ko ar".split()
NOW = dt.datetime(2022, 11, 10, 12, 0)


def lexicon(lang: str) -> DateLexicon:
    return DateLexicon.for_languages(LANGS if lang == "all" else lang.split("+"))


def only(lang: str, line: str, **kwargs) -> DateMatch:
    """The single date found in ``line``."""
    found = lexicon(lang).find(line, **kwargs)
    assert len(found) == 1, found
    return found[0]


# (language, line, ISO value, role): the first date of the line must be exactly this
ABSOLUTE = [
    # English
    ("en", "By Jane Doe | Updated: Oct 01, 2014, 08.30 AM IST", "2014-10-01T08:30:00+05:30", "updated"),
    ("en", "November 9, 2022", "2022-11-09", None),
    ("en", "Nov 9, 2022", "2022-11-09", None),
    ("en", "Nov. 9, 2022", "2022-11-09", None),
    ("en", "Sept. 9, 2022", "2022-09-09", None),
    ("en", "Wednesday, November 9, 2022", "2022-11-09", None),
    ("en", "Published: Wednesday, November 9, 2022", "2022-11-09", "published"),
    ("en", "9 November 2022", "2022-11-09", None),
    ("en", "9 Nov 2022", "2022-11-09", None),
    ("en", "09 Nov 2022 04:30 PM IST", "2022-11-09T16:30:00+05:30", None),
    ("en", "January 11, 2010 Monday", "2010-01-11", None),
    ("en", "2022-11-09", "2022-11-09", None),
    ("en", "2022-11-09T10:15:00+05:30", "2022-11-09T10:15:00+05:30", None),
    ("en", "2024-08-15T03:17:08.250Z", "2024-08-15T03:17:08.250000+00:00", None),
    ("en", "Thu, 15 Aug 2024 03:17:08 GMT", "2024-08-15T03:17:08+00:00", None),
    ("en", "November 9th, 2022", "2022-11-09", None),
    ("en", "9th November 2022", "2022-11-09", None),
    ("en", "Posted on 9th November 2022 by admin", "2022-11-09", "published"),
    ("en", "Last updated on November 9, 2022 at 5:45 p.m. ET", "2022-11-09T17:45:00", "updated"),
    ("en", "(AP) — NEW YORK, March 3, 2021 — Stocks fell", "2021-03-03", None),
    # numeric
    ("en", "Date: 09/11/2022", "2022-09-11", None),  # the en table reads slashes month first
    ("de", "09/11/2022", "2022-11-09", None),
    ("en", "11/09/2022", "2022-11-09", None),
    ("en", "27/11/2017 01:57", "2017-11-27T01:57:00", None),  # 27 can only be the day
    ("de", "9.11.2022", "2022-11-09", None),
    ("en", "9.11.2022", "2022-11-09", None),  # dots are day first everywhere
    ("de", "09.11.22", "2022-11-09", None),
    # a slashed date with a two-digit year and one-digit parts counts when a clock time follows
    ("en", "Mama Robotnik 9/11/13 10:00AM", "2013-09-11T10:00:00", None),
    ("en", "By MAGGIE HABERMAN | 10/9/10 7:15 AM EDT", "2010-10-09T07:15:00-04:00", None),
    ("de", "3/5/19 14:12", "2019-05-03T14:12:00", None),
    ("en", "2022/11/09", "2022-11-09", None),
    ("en", "2022.11.09 14:30", "2022-11-09T14:30:00", None),
    ("en", "Filed 09-11-2022 by the clerk", "2022-09-11", None),
    # German
    ("de", "9. November 2022", "2022-11-09", None),
    ("de", "9. Nov. 2022", "2022-11-09", None),
    ("de", "Mittwoch, 9. November 2022", "2022-11-09", None),
    ("de", "Mi, 9. Nov 2022", "2022-11-09", None),
    ("de", "09.11.2022, 14:30 Uhr", "2022-11-09T14:30:00", None),
    ("de", "Stand: 09.11.2022", "2022-11-09", "updated"),
    ("de", "Veröffentlicht am 9. November 2022", "2022-11-09", "published"),
    ("de", "Aktualisiert am 10.11.2022 um 08:15 Uhr", "2022-11-10T08:15:00", "updated"),
    ("de", "18. Oktober 2019", "2019-10-18", None),
    ("de", "von David · 18. Oktober 2019", "2019-10-18", None),
    ("de", "Wien, 3. Jänner 2023", "2023-01-03", None),
    # French
    ("fr", "9 novembre 2022", "2022-11-09", None),
    ("fr", "mercredi 9 novembre 2022", "2022-11-09", None),
    ("fr", "Publié le 9 novembre 2022 à 14h30", "2022-11-09T14:30:00", "published"),
    ("fr", "1er mars 2021", "2021-03-01", None),
    ("fr", "Mis à jour le 10 février 2022 à 08h15", "2022-02-10T08:15:00", "updated"),
    ("fr", "Publié le 9 fevrier 2022", "2022-02-09", "published"),
    ("fr", "Mis a jour le 9 aout 2022", "2022-08-09", "updated"),
    # Spanish
    ("es", "9 de noviembre de 2022", "2022-11-09", None),
    ("es", "9 nov 2022", "2022-11-09", None),
    ("es", "Publicado el 9 de noviembre de 2022 a las 14:30", "2022-11-09T14:30:00", "published"),
    ("es", "Madrid, 27/11/2017 01:57", "2017-11-27T01:57:00", None),
    # Portuguese
    ("pt", "9 de novembro de 2022", "2022-11-09", None),
    ("pt", "09/11/2022 às 14h30", "2022-11-09T14:30:00", None),
    ("pt", "Atualizado em 10/11/2022 às 08h15", "2022-11-10T08:15:00", "updated"),
    ("pt", "9 de março de 2022", "2022-03-09", None),
    # Italian
    ("it", "9 novembre 2022", "2022-11-09", None),
    ("it", "mercoledì 9 novembre 2022", "2022-11-09", None),
    ("it", "Pubblicato il 9 novembre 2022 alle 14:30", "2022-11-09T14:30:00", "published"),
    # Dutch
    ("nl", "9 november 2022", "2022-11-09", None),
    ("nl", "Gepubliceerd op 9 november 2022 om 14:30", "2022-11-09T14:30:00", "published"),
    ("nl", "9 mrt. 2022", "2022-03-09", None),
    # Russian, Ukrainian, Polish, Czech: genitive month names
    ("ru", "9 ноября 2022", "2022-11-09", None),
    ("ru", "9 ноября 2022 г.", "2022-11-09", None),
    ("ru", "Опубликовано 9 ноября 2022 в 14:30", "2022-11-09T14:30:00", "published"),
    ("uk", "9 листопада 2022", "2022-11-09", None),
    ("uk", "Оновлено: 10 лютого 2022 р.", "2022-02-10", "updated"),
    ("pl", "9 listopada 2022", "2022-11-09", None),
    ("pl", "Opublikowano: 9 października 2022 r.", "2022-10-09", "published"),
    ("cs", "9. listopadu 2022", "2022-11-09", None),
    ("cs", "Aktualizováno 10. února 2022", "2022-02-10", "updated"),
    # Chinese, Japanese, Korean
    ("zh", "2022年11月9日", "2022-11-09", None),
    ("zh", "2022年11月9日 14:30", "2022-11-09T14:30:00", None),
    ("zh", "2022-11-09 14:30:05", "2022-11-09T14:30:05", None),
    ("zh", "发布时间：2022年11月9日 14:30", "2022-11-09T14:30:00", "published"),
    ("zh", "更新时间：2022-11-10 08:00", "2022-11-10T08:00:00", "updated"),
    ("zh", "新华社北京2022年11月9日电", "2022-11-09", None),
    ("ja", "令和4年11月9日", "2022-11-09", None),
    ("ja", "平成31年4月30日", "2019-04-30", None),
    ("ja", "更新日：2022年11月9日", "2022-11-09", "updated"),
    ("ja", "2022年11月9日(水) 14時30分", "2022-11-09T14:30:00", None),
    ("ko", "2022년 11월 9일", "2022-11-09", None),
    ("ko", "2022.11.09 14:30", "2022-11-09T14:30:00", None),
    ("ko", "입력 2022.11.09 14:30", "2022-11-09T14:30:00", "published"),
    ("ko", "2022. 11. 9. 오후 2:30", "2022-11-09T14:30:00", None),
    # Turkish, Nordic, Finnish, Hungarian, Arabic
    ("tr", "9 Kasım 2022", "2022-11-09", None),
    ("tr", "Güncelleme: 10 Şubat 2022 14:30", "2022-02-10T14:30:00", "updated"),
    ("sv", "9 november 2022 kl. 14.30", "2022-11-09T14:30:00", None),
    ("sv", "Publicerad 9 november 2022", "2022-11-09", "published"),
    ("da", "Opdateret 9. november 2022", "2022-11-09", "updated"),
    ("no", "Publisert 9. november 2022 kl. 14.30", "2022-11-09T14:30:00", "published"),
    ("fi", "Julkaistu 9. marraskuuta 2022", "2022-11-09", "published"),
    ("hu", "2022. november 9.", "2022-11-09", None),
    ("hu", "Frissítve: 2022.11.09. 14:30", "2022-11-09T14:30:00", "updated"),
    ("ar", "9 نوفمبر 2022", "2022-11-09", None),
    ("ar", "٩ نوفمبر ٢٠٢٢", "2022-11-09", None),
    ("ar", "الأربعاء 9 تشرين الثاني 2022", "2022-11-09", None),
    # the merged lexicon of all 21 languages reads them all
    ("all", "By Jane Doe | Updated: Oct 01, 2014, 08.30 AM IST", "2014-10-01T08:30:00+05:30", "updated"),
    ("all", "Veröffentlicht am 9. November 2022", "2022-11-09", "published"),
    ("all", "Publié le 9 novembre 2022 à 14h30", "2022-11-09T14:30:00", "published"),
    ("all", "9 de noviembre de 2022", "2022-11-09", None),
    ("all", "9 ноября 2022 г.", "2022-11-09", None),
    ("all", "令和4年11月9日", "2022-11-09", None),
    # a label glued to the month, a clock time glued by a dash (session 13)
    ("en", "Updated:March 16, 2020, 5:01 PM IST", "2020-03-16T17:01:00+05:30", "updated"),
    ("en", "Posted:March 16, 2020", "2020-03-16", "published"),
    ("en", "Posted|March 16, 2020", "2020-03-16", "published"),
    ("de", "-Aktualisiert am 28.01.2020-15:49", "2020-01-28T15:49:00", "updated"),
]


@pytest.mark.parametrize(("lang", "line", "iso", "role"), ABSOLUTE)
def test_absolute(lang, line, iso, role):
    m = lexicon(lang).find(line, now=NOW)[0]
    assert m.value.isoformat() == iso
    assert m.role == role
    assert m.raw == line[m.start : m.end]
    assert m.has_year and not m.relative
    assert (m.month, m.day) == (m.value.month, m.value.day)
    # a clock time makes a datetime; otherwise a plain date
    assert isinstance(m.value, dt.datetime) == ("T" in iso)


def test_two_dates_on_one_line_second_is_updated():
    found = lexicon("es").find("27/11/2017 01:57 | Actualizado a 27/11/2017 19:20")
    assert [(m.raw, m.value.isoformat(), m.role) for m in found] == [
        ("27/11/2017 01:57", "2017-11-27T01:57:00", None),
        ("27/11/2017 19:20", "2017-11-27T19:20:00", "updated"),
    ]


def test_published_and_updated_on_one_line():
    found = lexicon("ko").find("입력 2022.11.09 14:30 | 수정 2022.11.10 09:00")
    assert [m.role for m in found] == ["published", "updated"]
    assert found[0].end <= found[1].start


def test_raw_spans_weekday_time_and_zone():
    line = "Posted: Thu, 15 Aug 2024 03:17:08 GMT | 5 min read"
    m = only("en", line)
    assert m.raw == "Thu, 15 Aug 2024 03:17:08 GMT"
    assert m.role == "published"
    assert m.value.tzinfo is dt.timezone.utc


# (language, line, raw, month, day): dates without a year
YEARLESS = [
    ("en", "WASHINGTON, Nov 9 (Reuters) - The Federal Reserve", "Nov 9", 11, 9),
    ("en", "LONDON, Sept 12 (Reuters) -", "Sept 12", 9, 12),
    ("zh", "11月9日", "11月9日", 11, 9),
    ("ja", "11月9日 14:30 配信", "11月9日 14:30", 11, 9),
    ("de", "am 9. November beginnt", "9. November", 11, 9),
    ("ko", "11월 9일", "11월 9일", 11, 9),
]


@pytest.mark.parametrize(("lang", "line", "raw", "month", "day"), YEARLESS)
def test_yearless(lang, line, raw, month, day):
    m = only(lang, line)
    assert (m.raw, m.month, m.day) == (raw, month, day)
    assert m.value is None
    assert m.has_year is False
    assert m.relative is False


# (language, line, ISO value resolved against NOW, role)
RELATIVE = [
    ("en", "2 hours ago", "2022-11-10", None),
    ("en", "14 hours ago", "2022-11-09", None),
    ("en", "Updated 3 days ago", "2022-11-07", "updated"),
    ("en", "Yesterday", "2022-11-09", None),
    ("en", "Just now", "2022-11-10", None),
    ("en", "an hour ago", "2022-11-10", None),
    ("en", "By Jane Doe | an hour ago | 5 min read", "2022-11-10", None),
    ("en", "Yesterday at 5:30 pm", "2022-11-09T17:30:00", None),
    ("en", "Posted yesterday", "2022-11-09", "published"),
    ("de", "vor 2 Stunden", "2022-11-10", None),
    ("de", "vor 3 Tagen", "2022-11-07", None),
    ("de", "vor einer Stunde", "2022-11-10", None),
    ("de", "gestern", "2022-11-09", None),
    ("de", "Aktualisiert: gestern, 14:30 Uhr", "2022-11-09T14:30:00", "updated"),
    ("fr", "il y a 2 heures", "2022-11-10", None),
    ("fr", "il y a 3 jours", "2022-11-07", None),
    ("fr", "hier", "2022-11-09", None),
    ("fr", "hier à 14h30", "2022-11-09T14:30:00", None),
    ("es", "hace 2 horas", "2022-11-10", None),
    ("es", "hace 3 días", "2022-11-07", None),
    ("es", "ayer", "2022-11-09", None),
    ("pt", "há 2 horas", "2022-11-10", None),
    ("pt", "há 3 dias", "2022-11-07", None),
    ("it", "2 ore fa", "2022-11-10", None),
    ("it", "3 giorni fa", "2022-11-07", None),
    ("nl", "3 dagen geleden", "2022-11-07", None),
    ("ru", "2 часа назад", "2022-11-10", None),
    ("ru", "3 дня назад", "2022-11-07", None),
    ("uk", "2 години тому", "2022-11-10", None),
    ("pl", "3 dni temu", "2022-11-07", None),
    ("cs", "před 3 dny", "2022-11-07", None),
    ("tr", "3 gün önce", "2022-11-07", None),
    ("sv", "för 3 dagar sedan", "2022-11-07", None),
    ("fi", "3 päivää sitten", "2022-11-07", None),
    ("hu", "2 órája", "2022-11-10", None),
    ("zh", "2小时前", "2022-11-10", None),
    ("zh", "3天前", "2022-11-07", None),
    ("zh", "昨天 14:30", "2022-11-09T14:30:00", None),
    ("ja", "2時間前", "2022-11-10", None),
    ("ja", "3日前", "2022-11-07", None),
    ("ko", "2시간 전", "2022-11-10", None),
    ("ko", "3일 전", "2022-11-07", None),
    ("ar", "منذ 3 ساعات", "2022-11-10", None),
    ("fr", "aujourd’hui", "2022-11-10", None),
    ("fr", "avant-hier", "2022-11-08", None),
    ("tr", "İSTANBUL | dün", "2022-11-09", None),  # lowering "İ" shifts offsets: the slow path
    ("all", "Publié aujourd'hui à 14h30", "2022-11-10T14:30:00", "published"),
    ("all", "Mis à jour : hier", "2022-11-09", "updated"),
    ("all", "avant-hier", "2022-11-08", None),
    ("all", "2 hours ago", "2022-11-10", None),
    ("all", "vor 3 Tagen", "2022-11-07", None),
    ("all", "2小时前", "2022-11-10", None),
]


@pytest.mark.parametrize(("lang", "line", "iso", "role"), RELATIVE)
def test_relative_with_now(lang, line, iso, role):
    m = only(lang, line, now=NOW)
    assert m.value.isoformat() == iso
    assert m.role == role
    assert m.relative is True
    assert (m.month, m.day) == (m.value.month, m.value.day)


@pytest.mark.parametrize(("lang", "line", "iso", "role"), RELATIVE)
def test_relative_without_now(lang, line, iso, role):
    m = only(lang, line)
    assert m.value is None
    assert m.relative is True
    assert m.raw == line[m.start : m.end]
    assert m.raw.strip()


# Lines that hold no date, for one language and for the merged lexicon of all 21
NEGATIVE = [
    "Call us on 030 1234 5678",
    "Tel. +49 (0)30 1234567",
    "Version 1.2.3 released",
    "Version 1.2.13 10:00",  # dotted parts of one digit: a version even before a clock
    "Mix 3/4/12 of the flour",  # one-digit parts and a two-digit year without a clock: no date
    "Lines 9/11/13 to 9/12/14",
    "Upgrade to v2.10.12 today if you can",
    "Final score 3-1 after extra time",
    "Price: $19.99, was 24.99",
    "The company reported $5.2 billion in revenue, up 12% on year",
    "© 2000-2022 Example Media Group",
    "ISBN 978-3-16-148410-0",
    "ISBN 9783161484100",
    "Doors open at 14:30",
    "Feb 30, 2022",
    "February 30, 2022",
    "31.04.2022",
    "November 9, 1985",
    "9 November 2150",
    "In 2020, it declared that it is building the highest centre",
    "Between 919,282 and 1,206,962 DNA samples were collected",
    "The meeting is now over",
    "I know the snow is here now and then",
    "Ich bin hier und heute Abend zu Hause",
    "Room 12/34 on floor 5",
    "Server at 10.10.10.10 and 192.168.1.1",
    "Children aged 5-12 and adults",
    "Chapter 11",
    "2022",
    "It may 5 times be so",
    "I set 9 records for 2 days",
    "iPhone 14 Pro 5G",
    "LED 5 lamps",
    "May 5 people came",
    "The 3 Mars bars",
    "Top 10 Mar-a-Lago secrets",
    "Premier League: Arsenal 3-1 Tottenham, Saka scores twice",
    "Watch: Top 10 goals of the season (5:32)",
    "Sections 1.2 and 3.4 of the report, pages 12-15",
    "Version 1.11.23 is out",
    "Vom 28.01.2020-30.01.2020 geschlossen",
    "Ticket 12.03.2021-5",
    "Die Inflationsrate lag im Oktober bei 10,4 Prozent.",
    "Plus de 3 000 personnes ont manifesté samedi à Paris.",
    "据统计，今年前10个月全国共发生地震34次。",
    "",
]


@pytest.mark.parametrize("lang", ["en", "de", "all"])
@pytest.mark.parametrize("line", NEGATIVE)
def test_negative(lang, line):
    assert lexicon(lang).find(line, now=NOW) == []


def test_order_override_and_defaults():
    en = DateLexicon.for_languages(["en"])
    assert en.order == "mdy"
    assert en.find("01/02/2022")[0].value == dt.date(2022, 1, 2)
    assert en.find("01/02/2022", order="dmy")[0].value == dt.date(2022, 2, 1)
    merged = DateLexicon.for_languages(["en", "de"])
    assert merged.order == "dmy"
    assert merged.find("01/02/2022")[0].value == dt.date(2022, 2, 1)
    assert merged.find("01/02/2022", order="mdy")[0].value == dt.date(2022, 1, 2)
    # a field above 12 fixes the order whatever is asked
    assert en.find("13/02/2022", order="mdy")[0].value == dt.date(2022, 2, 13)
    with pytest.raises(ValueError):
        en.find("01/02/2022", order="ymd")


def test_several_dates_left_to_right_without_overlap():
    line = "Published 9 Nov 2022, updated 2022-11-10T08:00:00Z; see also Nov 11 (Reuters)"
    found = lexicon("en").find(line)
    assert [m.raw for m in found] == ["9 Nov 2022", "2022-11-10T08:00:00Z", "Nov 11"]
    assert [m.role for m in found] == ["published", "updated", None]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_time_zone_and_types():
    m = only("en", "2022-11-09T10:15:00-05:00")
    assert m.value.utcoffset() == dt.timedelta(hours=-5)
    assert type(only("en", "2022-11-09").value) is dt.date
    assert type(only("en", "2022-11-09 10:15").value) is dt.datetime
    assert only("en", "2022-11-09 10:15").value.tzinfo is None
    # "ist" (German "is") after a time is not India Standard Time
    m = only("de", "09.11.2022 14:30 ist der Termin")
    assert m.raw == "09.11.2022 14:30" and m.value.tzinfo is None


def test_impossible_time_keeps_the_date():
    m = only("en", "2022-11-09 25:61")
    assert m.value == dt.date(2022, 11, 9) and m.raw == "2022-11-09"


def test_from_tables_merges_custom_tables():
    table_a = {"order": "mdy", "months": {"brumaire": 11}, "published": ["issued"]}
    table_b = {
        "months": [["uno"], ["dos"], [], [], [], [], [], [], [], [], [], []],
        "relative": {"ago_after": ["back"], "units": {"day": ["suns"]}},
    }
    lex = DateLexicon.from_tables([table_a, table_b])
    assert lex.order == "dmy"  # only one of the two tables says mdy
    assert only_in(lex, "issued 9 brumaire 2022") == ("2022-11-09", "published")
    assert only_in(lex, "9 dos 2022") == ("2022-02-09", None)
    assert lex.find("3 suns back", now=NOW)[0].value == dt.date(2022, 11, 7)


def only_in(lex: DateLexicon, line: str) -> tuple[str, str | None]:
    (m,) = lex.find(line)
    return m.value.isoformat(), m.role


@pytest.mark.parametrize(
    "table",
    [
        {"months": {"foo": 13}},
        {"order": "ydm"},
        {"weekdays": "monday tuesday".split() + [3]},
        {"relative": {"units": {"fortnight": ["fortnights"]}}},
        {"markers": {"era": ["年"]}},
    ],
)
def test_malformed_tables_raise_pack_error(table):
    with pytest.raises(PackError):
        DateLexicon.from_tables([table])


def test_unknown_language_raises():
    with pytest.raises(PackNotFoundError):
        DateLexicon.for_languages(["xx"])


def test_lexicon_pickles_for_worker_processes():
    import pickle

    lex = pickle.loads(pickle.dumps(DateLexicon.for_languages(["en", "ja"])))
    assert [m.raw for m in lex.find("令和4年11月9日 | 2 hours ago")] == ["令和4年11月9日", "2 hours ago"]


def test_for_languages_is_cached():
    assert DateLexicon.for_languages(["en", "de"]) is DateLexicon.for_languages(("en", "de"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_pack_table_loads_and_compiles(lang):
    table = load_table(lang)
    assert table.get("order") in ("dmy", "mdy", "ymd")
    assert DateLexicon.from_tables([table]).find("2022-11-09")[0].value == dt.date(2022, 11, 9)


@pytest.mark.parametrize(
    "line",
    ["1." * 5000, "Nov " * 3000 + "9", "9 " * 5000, "vor " * 3000, "a" * 20000 + "9", "2022-" * 4000],
)
def test_long_pathological_lines_finish(line):
    # linear-time patterns: these return at once (a backtracking blow-up would hang here)
    lexicon("all").find(line)
