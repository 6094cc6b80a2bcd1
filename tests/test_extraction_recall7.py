"""Attribution rules added in extractor 1.7, on sentences written for these tests."""

from tests.attribution_checks import only


def test_relative_clause_inside_the_content_subject_does_not_end_it():
    text = "The mayor said the new buses - which run on batteries - will save the city money."
    assert only(text).text == ("the new buses - which run on batteries - will save the city money.")
    text = "Ms. Roe believes that the levy, which voters approved in May, has paid for itself."
    assert only(text).text == "that the levy, which voters approved in May, has paid for itself."


def test_relative_clause_after_the_content_is_still_the_reporters():
    c = only("The mayor said the buses were late, which angered riders for weeks.")
    assert c.text == "the buses were late"
