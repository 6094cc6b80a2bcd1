"""Attribution rules added for recall (extractor 1.1), on sentences written for these tests."""

from claims.extraction import DIRECT, UNATTRIBUTED, extract


def attributed(text):
    return [c for c in extract(text) if c.kind != UNATTRIBUTED]


def only(text):
    claims = attributed(text)
    assert len(claims) == 1, claims
    return claims[0]


def test_two_apostrophe_quotes_are_direct_and_continue():
    text = "''The road is closed,'' the sheriff said. ''Nobody goes up the hill tonight.''"
    c = only(text)
    assert c.kind == DIRECT
    assert c.source == "the sheriff"
    assert c.text.startswith("''The road")
    assert c.text.endswith("tonight.''")


def test_question_quote_then_speaker_sentence():
    # The sentence splitter ends a sentence after '?"' followed by a capital.
    text = '"Who will pay for the new roof?" Carla Mendes asked on Monday.'
    c = only(text)
    assert c.source == "Carla Mendes"
    assert c.text == '"Who will pay for the new roof?"'


def test_exclaimed_quote_not_taken_for_a_later_statement():
    text = '"Stop the vote!" the crowd chanted. Lena Ortiz said she had left early.'
    claims = attributed(text)
    lena = [c for c in claims if c.source == "Lena Ortiz"]
    assert len(lena) == 1
    assert lena[0].text.startswith("she had left")


def test_subject_with_party_in_parentheses():
    c = only("Senator Ann Ruiz (D-Maine) said the base would stay open.")
    assert c.source == "Senator Ann Ruiz (D-Maine)"
    assert c.text.startswith("the base would stay open")


def test_long_appositive_with_and_and_parentheses():
    text = (
        "Omar Lake, a teacher and union steward at the largest school (in the east of the "
        "county), said the strike vote was close."
    )
    c = only(text)
    assert c.source.startswith("Omar Lake, a teacher and union steward")
    assert c.text.startswith("the strike vote was close")


def test_inverted_said_with_title_and_party():
    text = '"The budget is a disgrace," said State Treasurer Paul K. Moss (R-Idaho).'
    c = only(text)
    assert c.source == "State Treasurer Paul K. Moss (R-Idaho)"
    assert c.text == '"The budget is a disgrace,"'


def test_inverted_said_name_then_restrictive_who():
    text = '"We were never told," said one nurse who asked not to be named.'
    c = only(text)
    assert c.source == "one nurse"


def test_compound_predicate_declined_but_said():
    claims = attributed("The minister declined to comment but said the review was nearly done.")
    assert [c.cue for c in claims] == ["declined", "said"]
    assert claims[0].text == "to comment"
    assert claims[1].source == "The minister"
    assert claims[1].text.startswith("the review was nearly done")


def test_compound_predicate_first_verb_not_a_cue():
    text = "But the district court disagreed and said the county had enough polling places."
    c = only(text)
    assert c.source == "the district court"
    assert c.cue == "said"
    assert c.text.startswith("the county had enough")


def test_brand_as_a_noun_is_not_a_cue():
    text = "The designer, who works for another brand in Milan, said the show was rushed."
    c = only(text)
    assert c.cue == "said"
