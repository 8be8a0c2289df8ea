"""WordFinder gives every occurrence of its words in an Aho-Corasick automaton's order:
(index of the word's last character, word), by end, the longer word first at one end."""
import ahocorasick
import pytest

from extractor.text.wordfinder import WordFinder

ROWS = [
    # overlapping words ending at one place: the longer first
    (["书记", "第一书记", "副书记"], "村第一书记和副书记说", [(4, "第一书记"), (4, "书记"), (8, "副书记"), (8, "书记")]),
    # one-character words beside longer ones, and a word at the very end
    (["说", "表示", "等"], "他说，她表示", [(1, "说"), (5, "表示")]),
    (["县长", "县"], "县长在县里", [(0, "县"), (1, "县长"), (3, "县")]),
    # nothing found; an empty text
    (["村民"], "今天下雨了", []),
    (["村民"], "", []),
    # a long text takes the vectorised path (at least 256 characters)
    (["老师", "师傅"], "甲" * 300 + "老师傅", [(301, "老师"), (302, "师傅")]),
]


@pytest.mark.parametrize("words, text, expected", ROWS)
def test_occurrences_in_the_automaton_order(words, text, expected):
    assert list(WordFinder(words).iter(text)) == expected
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    assert list(automaton.iter(text)) == expected


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        WordFinder(["", "村"])
