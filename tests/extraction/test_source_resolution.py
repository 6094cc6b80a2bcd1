"""Speakers resolved as a reader resolves them: pronouns only to an agreeing antecedent, names
normalised within the article, kinds from what the text says (issue 17)."""

import pytest

from claims.extraction.sources import SourceResolver, classify, head_name
from tests.extraction.checks import attributed, only


def names(text):
    return [(c.source, c.source_name) for c in attributed(text)]


def test_she_never_resolves_to_a_man():
    text = (
        "Hillary Clinton said the plan would work. Tim Kaine said it would cost too much. "
        "She said the cost had been overstated."
    )
    assert names(text)[-1] == ("She", "Hillary Clinton")


def test_a_pronoun_without_an_agreeing_antecedent_stays_unresolved():
    text = "Mr. Park said the bridge was safe. She said the repairs were overdue."
    assert names(text) == [("Mr. Park", "Park"), ("She", None)]


def test_gender_from_a_role_a_first_name_or_a_pronoun_in_the_sentence():
    text = (
        "Jo Lee, a spokeswoman for the port, said the cranes were old. Sam Ortiz said the "
        "budget was tight. She said the cranes would be replaced."
    )
    assert names(text)[-1] == ("She", "Jo Lee")
    text = (
        "Robin Hale said she had read the audit twice. Mr. Drew Kemp said it was wrong. "
        "She said the vote would be close."
    )
    assert names(text)[-1] == ("She", "Robin Hale")


def test_a_pronoun_prefers_the_speaker_to_a_name_in_an_apposition():
    text = (
        "Kirill Dmitriev, an aide to President Vladimir Putin, told reporters the talks went "
        "well. He said another meeting was planned."
    )
    assert names(text)[-1] == ("He", "Kirill Dmitriev")


def test_it_resolves_to_an_organisation_that_spoke_and_they_to_a_group():
    text = (
        "Acme Corp. said profits rose by 8 percent. It said the new plant would open in May. "
        "Senate Democrats said the tax break was too generous. They said it would cost $2 billion."
    )
    assert names(text) == [
        ("Acme Corp.", "Acme Corp"),
        ("It", "Acme Corp"),
        ("Senate Democrats", "Senate Democrats"),
        ("They", "Senate Democrats"),
    ]


def test_it_without_an_organisation_stays_unresolved():
    assert names("It said the new plant would open in May.") == [("It", None)]


def test_i_and_we_speak_in_their_own_name():
    assert names("We said the plant would open in May, and it did.")[0] == ("We", None)


def test_a_surname_stands_for_the_latest_person_of_that_name():
    text = (
        "Bill Clinton said the fund was sound. Hillary Clinton said the audit would clear it. "
        "Clinton added that the donors were known."
    )
    assert names(text)[-1] == ("Clinton", "Hillary Clinton")


def test_a_surname_and_a_title_stand_for_the_full_name():
    text = (
        "The memo was written by Douglas Band, a longtime aide. Band said the foundation gained "
        "nothing. Mr. Band later said the memo was private."
    )
    assert [name for _, name in names(text)] == ["Douglas Band", "Douglas Band"]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("de Douglas Band", "Douglas Band"),
        ("Douglas Band de", "Douglas Band"),
        ("Ursula von der Leyen", "Ursula von der Leyen"),
        ("Lee's", "Lee"),
        ("White House aide Douglas Band", "Douglas Band"),
        ("The Valley Herald's", "Valley Herald"),
    ],
)
def test_names_lose_stray_particles_titles_and_possessives(source, name):
    assert head_name(source) == name


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("Jo Lee, who wrote the report", "person"),
        ("Jo Lee, a spokeswoman for Acme Corp.", "person"),
        ("press secretary Jo Lee", "person"),
        ("Acme, a Chicago-based chemicals company", "organisation"),
        ("the memo", "document"),
        ("a study by the county auditor", "document"),
        ("The Valley Herald", "media"),
        ("the audit office", "government"),
        ("the National Anti-Corruption Bureau", "government"),
        ("the Department of Justice", "government"),
        ("Bank of America", "organisation"),
        ("a spokesman for the company", "anonymous"),
        ("Senior Adviser Jo Lee", "person"),
    ],
)
def test_kinds_come_from_the_head_of_the_source(source, kind):
    assert classify(source) == kind


def test_a_bare_name_takes_its_kind_from_the_article():
    text = (
        "Shares of Acme Chemical Corp. fell on Monday. Acme said demand had slowed. "
        "Brill, a Denver-based maker of valves, said orders were steady."
    )
    resolver = SourceResolver(text)
    assert resolver.resolve("Acme", text.index("Acme said")) == ("Acme", "organisation")
    assert resolver.resolve("Brill", text.index("Brill"))[1] == "organisation"
    assert SourceResolver("Acme said demand had slowed.").resolve("Acme", 0)[1] == "person"


def test_a_person_named_only_by_title_is_an_antecedent_of_agreeing_pronouns():
    text = (
        "Mr. Hale opened the meeting. Later Ms. Ortiz took the floor. "
        "He said the bridge would open in May. Hale said the cost had doubled."
    )
    assert names(text) == [("He", "Hale"), ("Hale", "Hale")]


def test_a_month_before_a_sentence_is_no_part_of_a_name():
    text = "Jo Lee said the vote was set for May. Okafor said it would be close."
    assert names(text)[-1] == ("Okafor", "Okafor")


def test_it_resolves_to_the_organisation_named_by_its_legal_form():
    text = "Acme Corp. filed the suit last week. It said the merger would raise prices."
    assert names(text) == [("It", "Acme")]


def test_it_stays_unresolved_without_an_organisation():
    text = "The mayor spoke on Monday. It said the merger would raise prices."
    assert names(text)[-1] == ("It", None)


def test_more_first_names_give_a_gender():
    text = (
        "Loretta Vance said the levy would pass. Gordon Pike said it would fail. "
        "She said the count would take a week."
    )
    assert names(text)[-1] == ("She", "Loretta Vance")
    text = (
        "Marvin Teske said the mill would close. Brenda Holt said it would not. "
        "He said the owners had already left."
    )
    assert names(text)[-1] == ("He", "Marvin Teske")


@pytest.mark.parametrize(
    "place", ["Fairfax County", "New Hampshire", "One California", "the United States"]
)
def test_a_pronoun_never_resolves_to_a_place(place):
    text = (
        f"Officials said {place} would cut the budget. Nobody else was named. "
        "She said the cuts were deep."
    )
    assert names(text)[-1] == ("She", None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The crowd chanted that the mayor must resign.", "group"),
        ("The findings show the river is cleaner than in 2010.", "document"),
        ("The petition says the library should stay open.", "document"),
        ("The moderator asked whether the levy would pass.", "person"),
    ],
)
def test_common_nouns_give_their_kind(text, kind):
    (claim,) = attributed(text)
    assert claim.source_kind == kind


def test_a_full_name_that_ends_its_sentence_is_the_person_of_later_mentions():
    text = (
        "The mayor turned to her finance director, Nadia Ferreira.\n"
        "“We have $2 million in reserve,” Ferreira said. She added that no tax would rise."
    )
    claims = [c for c in attributed(text) if c.source]
    assert [c.source_name for c in claims] == ["Nadia Ferreira", "Nadia Ferreira"]


def test_a_bridge_or_a_hospital_is_no_one_a_pronoun_stands_for():
    text = (
        "Councillor Adaeze Okafor said the repairs would cost $9 million. The Dunmore Bridge "
        "reopened in June. She said the Eastfield Hospital had 40 beds. She added that it would "
        "close in 2027."
    )
    claims = [c for c in attributed(text) if c.source in ("She", "she")]
    assert [c.source_name for c in claims] == ["Adaeze Okafor", "Adaeze Okafor"]


def test_a_role_dated_by_a_month_gives_way_to_the_name_after_it():
    text = "The mayor’s rival in March, former Councillor Ines Marlow, said the fund was empty."
    c = only(text)
    assert c.source_name == "Ines Marlow"


def test_they_is_no_single_document():
    text = (
        "A report by the audit office said the depot had lost $2 million. "
        "They found that 40 buses were never repaired."
    )
    claims = [c for c in attributed(text) if c.source == "They"]
    assert [(c.source_name, c.source_kind) for c in claims] == [(None, "group")]


def test_a_body_named_for_its_members_keeps_their_name():
    c = only("The Nurses’ Union said 300 posts were empty.")
    assert (c.source_name, c.source_kind) == ("Nurses’ Union", "organisation")


def test_they_after_a_sentence_opened_by_a_group_is_that_group():
    text = (
        "The inspectors, sent by the county in March, visited 12 depots. "
        "They said half of the buses had faulty brakes."
    )
    claims = [c for c in attributed(text) if c.source == "They"]
    assert [(c.source_name, c.source_kind) for c in claims] == [("The inspectors", "group")]
