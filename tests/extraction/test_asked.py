"""Questions: "Asked whether C, X said ...", "X said when asked whether C", "asked by a host"."""

from tests.extraction.checks import attributed, only


def test_asked_opener_is_its_own_attribution():
    text = "Asked by Noor whether the mine would close, the manager said he did not know."
    claims = attributed(text)
    assert [c.cue for c in claims] == ["Asked", "said"]
    assert claims[0].source == "Noor"
    assert claims[0].text == "whether the mine would close"
    assert claims[1].source == "the manager"


def test_when_asked_the_question_is_its_own_attribution():
    claims = attributed('"Absolutely," he said when asked by a reporter if that remains his view.')
    asked = [c for c in claims if c.cue == "asked"][0]
    assert (asked.text, asked.source) == ("if that remains his view.", "a reporter")
    said = [c for c in claims if c.cue == "said"][0]
    assert said.text == '"Absolutely,"'


def test_question_after_asked_is_not_a_listener():
    c = only("Lee was asked whether she was worried that the mill could close.")
    assert c.text == "whether she was worried that the mill could close."


def test_asked_with_an_adjunct_before_the_question():
    claims = attributed("Asked at a briefing Monday about the dam, the mayor said it would hold.")
    assert (claims[0].cue, claims[0].text) == ("Asked", "about the dam")
    assert claims[1].text == "it would hold."


def test_asked_by_a_host_takes_the_host_as_the_source():
    c = only("Ames was asked by host Jo Lee whether the plan would survive.")
    assert c.source == "host Jo Lee"
    assert c.text == "whether the plan would survive."


def test_an_open_question_after_a_noun_and_preposition():
    c = only("The ruling raised new questions about whether the levy was legal.")
    assert (c.cue, c.source, c.text) == ("questions about", None, "whether the levy was legal.")
