"""Four articles written for these tests (tests/extraction/articles/), read as the desk reads
them: a court report, a health story quoting a study, a press conference with several speakers
and pronouns, a wire story with a dateline, a byline, a photo credit and "Related:" links, and a
web page with its furniture (time stamps, editor's note, contact lines, a line of links).
No junk claim (headline line, refusal to comment, byline, credit, navigation, dateline, unpaired
quotation marks), no fragment as a speaker, every speaker with its kind."""

from pathlib import Path

import pytest

from claims.extraction import UNATTRIBUTED, balanced_quotes, extract
from claims.extraction.junk import headline_line, not_a_claim

ARTICLES = Path(__file__).resolve().parent / "articles"

# Every speaker the desk should see in each article: (canonical name, kind).
SPEAKERS = {
    "court-landlord-fraud-trial.txt": {
        ("A jury in Marlow County", "group"),
        ("Prosecutors", "government"),
        ("Lena Morales", "person"),
        ("Harold Finch", "person"),
        ("Miriam Achebe", "person"),
        ("A spokeswoman for the housing department", "anonymous"),
        ("Tenants", "group"),
        ("Rosa Quintero", "person"),
    },
    "health-sugar-tax-study.txt": {
        ("study", "document"),  # the headline: "..., study finds"
        ("a study published on Wednesday in the Journal of Public Health Dentistry", "document"),
        ("The researchers", "group"),  # "They found ...", after "The researchers, from ..."
        ("Samuel Okonkwo", "person"),
        ("Joanna Pratt", "person"),
        ("Soft Drinks Association", "organisation"),
        ("Peter Lam", "person"),
        None,  # "Asked whether ...": the question, no speaker (see test_questions_...)
    },
    "press-conference-bridge-closure.txt": {
        ("Governor", "person"),  # the headline: "Governor says bridge will reopen by June; ..."
        ("Thomas Reilly", "person"),
        ("Maria Delgado", "person"),
        ("A reporter from the Millbrook Herald", "media"),
        ("Carla Whitmore", "person"),
        ("Kevin Osterberg", "person"),
    },
    "wire-port-strike.txt": {
        ("Dockworkers’ Union", "organisation"),
        ("Ellen Baptiste", "person"),
        ("Selwyn Terminals", "organisation"),
        ("Chamber of Commerce", "organisation"),
        ("Ayesha Rahman", "person"),
        ("port data", "document"),
    },
    # a web page: time stamps, byline with roles, editor's note, contact, credit, links
    "web-page-ferry-fares.txt": {("the company", "organisation")},
}
# The person each pronoun that speaks stands for, in article order.
PRONOUNS = {
    "court-landlord-fraud-trial.txt": [
        ("He", "Harold Finch"),
        ("She", "Miriam Achebe"),
        ("She", "Miriam Achebe"),
        ("he", "Harold Finch"),
        ("she", "Rosa Quintero"),
    ],
    "health-sugar-tax-study.txt": [
        ("They", "The researchers"),
        ("He", "Samuel Okonkwo"),
        ("she", "Joanna Pratt"),
    ],
    "press-conference-bridge-closure.txt": [
        ("he", "Thomas Reilly"),
        ("She", "Maria Delgado"),
        ("she", "Maria Delgado"),
        ("she", "Carla Whitmore"),
        ("He", "Kevin Osterberg"),
        ("he", "Thomas Reilly"),
    ],
    "wire-port-strike.txt": [("She", "Ayesha Rahman")],
}
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "who", "which"}


def text_of(name):
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SPEAKERS))
def test_each_article_names_its_speakers_and_their_kinds(name):
    found = {
        (c.source_name, c.source_kind) if c.source else None
        for c in extract(text_of(name))
        if c.kind != UNATTRIBUTED
    }
    assert found == SPEAKERS[name]


@pytest.mark.parametrize("name", sorted(PRONOUNS))
def test_each_pronoun_resolves_to_the_person_who_spoke(name):
    claims = extract(text_of(name))
    got = [(c.source, c.source_name) for c in claims if (c.source or "").lower() in _PRONOUNS]
    assert got == PRONOUNS[name]


@pytest.mark.parametrize("name", sorted(SPEAKERS))
def test_no_junk_claims(name):
    text = text_of(name)
    headline = headline_line(text)
    for c in extract(text):
        low = c.text.lower()
        assert not_a_claim(c.text) is None, c.text  # byline, credit, navigation, markup
        assert "comment" not in low and "related" not in low, c.text
        assert c.kind != UNATTRIBUTED or headline is None or c.start >= headline[1], c.text
        assert not c.text.startswith(("PORT SELWYN", "By ", "Photo", "(")), c.text
        assert balanced_quotes(c.text, 0, len(c.text)) == (0, len(c.text)), c.text


def test_a_web_page_keeps_only_its_one_claim():
    claims = extract(text_of("web-page-ferry-fares.txt"))
    assert [c.text for c in claims] == [
        "The ferry operator will raise fares by 12 percent in January, its third increase since "
        "2023"
    ]


@pytest.mark.parametrize("name", sorted(SPEAKERS))
def test_no_fragment_speakers(name):
    for c in extract(text_of(name)):
        if c.source is None:
            continue
        words = c.source.split()
        # a fragment: a clause before the speaker ("A night after he"), a bare relative ("who
        # she"), a pronoun that stands for nobody
        assert words[-1].lower() not in _PRONOUNS or len(words) == 1, c.source
        assert c.source_name, c.source
        assert not any(w.lower() in ("after", "before", "when", "while") for w in words[:3])


def test_the_question_a_reporter_put_is_known_to_read_as_a_claim():
    # Known, not fixed: PolNeAR annotates "Asked whether C" and "pressed her on why C" as
    # attributions, and dropping them costs recall on both splits (see the commit log).
    texts = [c.text for c in extract(text_of("health-sugar-tax-study.txt"))]
    assert "whether the tax would be extended to sweetened milk drinks" in texts
