"""Chinese prose written one clause a line, without sentence marks, is the article (session 12)."""

from __future__ import annotations

import articleparse
from articleparse.engine import Engine
from articleparse.features import Features

# a travel blog's post: its clauses stand one a line, blank lines between, with no 。！？ (written for this test)
_PROSE = [
    "早上出門的時候天空還在下著小雨 我們沿著山路慢慢往上開",
    "到了營地才發現地上都是落葉 踩上去還會沙沙作響",
    "營主很熱情地帶我們去看了他新蓋好的木屋",
    "晚上大家圍著火堆聊天 一直聊到很晚才回帳篷睡覺",
    "第二天醒來雨已經停了 陽光從樹葉之間灑了下來",
    "我們把早餐拿到樹下來吃 順便也讓孩子們在草地上跑一跑",
    "這次的行程雖然短 但是讓人覺得很放鬆也很開心",
    "下次如果還有機會的話 一定要再來這裡住上幾天",
]
# teaser titles of other posts, and a menu
_TEASERS = [
    "【台中美食】超人氣早午餐推薦，這家一定要吃的...",
    "[食記] 新竹老街必吃的三家小吃",
    "南投露營｜星空下的森林營地",
    "《親子旅遊》花蓮兩天一夜行程分享",
]
_MENU = ["首頁", "部落格", "相簿", "留言", "名片"]


def _page(*, lynx_images: bool = False) -> str:
    prose = []
    for n, line in enumerate(_PROSE):
        prose.append(line)
        if lynx_images and n % 2:
            prose.append(f"IMG_{3800 + n}.jpg")  # lynx prints a photo's file name between the clauses
    parts = [*_MENU, "山上的營地 秋天的楓葉", "2013-12-28", *prose, "相關文章", *_TEASERS]
    return "\n\n".join(parts) + "\n"


def test_function_share_counts_one_character_stop_words_among_cjk_characters():
    stop = frozenset({"的", "了", "是"})
    assert Features(0, "我的書是新的了", stop).cjk_function_share == 4 / 7
    assert Features(0, "国务院召开常务会议", stop).cjk_function_share == 0.0
    # Latin one-letter stop words are no function characters of CJK text
    assert Features(0, "a book", frozenset({"a"})).cjk_function_share == 0.0


def test_a_run_of_chinese_clause_lines_is_the_article_and_the_teasers_are_not():
    article = articleparse.parse(_page())
    for line in _PROSE:
        assert line in article.text
    for line in _TEASERS:
        assert line not in article.text


def test_teaser_titles_that_read_like_clauses_stay_out_of_the_article():
    # a news page: its paragraphs end with 。; a teaser list under it holds titles that read like clauses
    paragraphs = [
        "市政府昨天宣布，老舊的河濱大橋將從下個月起封閉，進行為期一年的整修工程。",
        "工程人員上個月在兩座橋墩上發現裂縫，經過評估後認為必須盡快處理。",
        "封橋期間，市府將加開接駁公車，並建議民眾改走上游的新橋。",
        "市長表示，這座橋已經使用超過九十年，整修完成後將可以再使用數十年。",
    ]
    teasers = [
        "暴風雨過後的海邊小鎮終於恢復了平靜",
        "最會做菜的鄰居，現在也開始在網路上教大家做菜了",
        "他可能是全台灣最年輕的火車司機 我們跟著他跑了一趟",
        "【影音】夜市美食大評比",
        "新竹米粉老店的三代傳承｜專題報導",
    ]
    page = "\n\n".join([*_MENU, "河濱大橋下月起封閉整修", *paragraphs, "推薦閱讀", *teasers]) + "\n"
    article = articleparse.parse(page)
    for line in paragraphs[1:]:  # the first may be read as the standfirst
        assert line in article.text
    for line in teasers:
        assert line not in article.text


def test_the_language_of_short_chinese_lines_is_found_by_their_script():
    # a text browser prints the page's markup and form fields on long lines; the Chinese lines are short
    markup = ['<img src="https://example.com/pixel.gif?account=H00Mh1aIE700wg" style="display:none" '
              'height="1" width="1">',
              '<iframe src="//www.example.com/ns.html?id=GTM-ABCDEF" height="0" width="0" '
              'style="display:none;visibility:hidden"></iframe>',
              "[BUTTON Input] (not implemented)____________ [BUTTON Input] (not implemented)____________"]
    prose = [line + " " + line for line in _PROSE]  # clauses of about thirty characters, as blogs write them
    page = "\n\n".join([*markup, *prose]) + "\n"
    assert Engine()._stages(page).language == "zh"


def test_photo_file_names_between_the_clauses_do_not_break_the_run():
    article = articleparse.parse(_page(lynx_images=True))
    for line in _PROSE:
        assert line in article.text


# a Japanese hiking blog: one clause a line, no 。 (written for this test)
_JA_PROSE = [
    "朝早く駐車場に車を停めて歩き始めました",
    "最初から急な登りが続いて息が上がります",
    "途中の展望台からは遠くの山がよく見えました",
    "山頂に着いたらお昼ご飯を食べて休憩です",
    "景色を見ていたら時間を忘れてしまいそうだね",
    "帰りは別の道を下りて温泉に寄ってきました",
]
_JA_MENU = ["トップ", "ブログ", "ニュース", "ログイン"]
_JA_TEASERS = ["【速報】人気の温泉旅館ランキング", "プレスリリースを配信したい方へ", "秋の紅葉スポット特集"]


def test_a_run_of_japanese_clause_lines_is_the_article():
    page = "\n\n".join([*_JA_MENU, "秋の山歩き 紅葉を見に行く", *_JA_PROSE, "関連記事", *_JA_TEASERS]) + "\n"
    article = articleparse.parse(page)
    for line in _JA_PROSE:
        assert line in article.text
    for line in _JA_TEASERS:
        assert line not in article.text
