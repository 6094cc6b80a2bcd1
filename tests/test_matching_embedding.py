"""Sentence embeddings in matching (claims/matching/embedding.py): the numpy encoder, ranking by
meaning, and the lexical ranking when the model package is not installed."""

import json

import numpy as np
import pytest

from claims import services
from claims.matching import MATCHER_VERSION, Candidate, Index, Query, Statistics, embedding, rank
from claims.matching.ranking import MEANING_SHOW, SHOW
from claims.models import FactCheck
from claims.services import matching
from claims.services.archive import import_fact_checks
from tests.test_archive import TRAMS, WASTE, review

pytest.importorskip(embedding.MODEL_PACKAGE, reason="the embedding model package is not installed")

# Fact-checks that share a number or a word with the sample article's budget claim, and none of
# its meaning; then a fact-check of that claim in other words.
UNRELATED = [
    review(
        "https://checkers.example/fuel",
        "The fuel contract was worth only $4.2 million, not the $9 million the mayor announced.",
    ),
    review("https://checkers.example/library", "The library's budget has doubled since 2019."),
    review("https://checkers.example/officials", "Officials said the river is safe to swim in."),
]
BUDGET = review(
    "https://checkers.example/budget",
    "Councillors voted through a $4.2 million city budget at Monday's meeting.",
    "True",
)
CRIME = "Violent crime in Milltown fell by 10% last year."


@pytest.fixture(scope="module")
def model():
    return embedding.encoder()


@pytest.fixture
def without_model(monkeypatch):
    """As if the model package were not installed."""
    embedding.encoder.cache_clear()
    monkeypatch.setattr(embedding, "model_dir", lambda: None)
    yield
    embedding.encoder.cache_clear()


def test_the_tokenizer_splits_words_into_vocabulary_pieces(model):
    tokenizer = model.tokenizer
    words = ["coca", "-", "cola", "'", "s", "tax", ",", "cafe"]
    assert tokenizer.words("Coca-Cola's TAX, café") == words
    ids = tokenizer.ids("unaffable")
    pieces = {i: p for p, i in tokenizer.vocab.items()}
    assert [pieces[i] for i in ids] == ["[CLS]", "una", "##ffa", "##ble", "[SEP]"]


def test_the_same_text_gives_the_same_unit_vector(model):
    first = model.encode([CRIME])[0]
    again = model.encode(["Something else entirely.", CRIME, "A third one"])[1]
    assert first.shape == (embedding.DIMENSIONS,)
    assert np.allclose(first, again, atol=1e-5)
    assert abs(float(np.linalg.norm(first)) - 1) < 1e-4


def test_stored_vectors_keep_the_cosine(model):
    vector = model.encode([CRIME])[0]
    stored = embedding.from_bytes(embedding.to_bytes(vector))
    assert len(embedding.to_bytes(vector)) == 768
    assert float(stored @ vector) > 0.999
    assert embedding.from_bytes(None) is None
    assert embedding.from_bytes(b"\x00" * 10) is None  # not a vector of this model


def test_an_unreadable_model_means_no_encoder(tmp_path, monkeypatch):
    (tmp_path / "model.safetensors").write_bytes(b"broken")
    (tmp_path / "vocab.txt").write_text("[PAD]\n")
    embedding.encoder.cache_clear()
    monkeypatch.setattr(embedding, "model_dir", lambda: tmp_path)
    try:
        assert embedding.encoder() is None
    finally:
        embedding.encoder.cache_clear()


def test_similar_sentences_are_closer_than_unrelated_ones(model):
    crime, paraphrase, bridge, cake = model.encode(
        [
            CRIME,
            "Last year the number of violent offences in Milltown dropped by a tenth.",
            "The new bridge cost four billion dollars, twice the estimate.",
            "Mix the flour and the butter before adding the eggs.",
        ]
    )
    assert crime @ paraphrase > 0.6
    assert crime @ paraphrase > crime @ bridge + 0.3
    assert crime @ paraphrase > crime @ cake + 0.3


ARCHIVE = [
    Candidate("fc-crime", CRIME),
    Candidate("fc-bridge", "The new bridge cost $4 billion, twice the estimate."),
    Candidate("fc-police", "Milltown hired 10% more police officers last year."),
    Candidate("fc-wages", "Wages in Milltown have not gone up for 17 years."),
]


def test_ranking_by_meaning_puts_the_paraphrase_first(model, tmp_path):
    query = Query("Milltown saw far fewer assaults and robberies last year.")
    matches = Index(ARCHIVE, model=model).match(query)
    assert matches[0].id == "fc-crime"
    assert "meaning" in matches[0].features
    assert list((tmp_path / "matching-cache").glob("*.npy")), "the archive's vectors are cached"


def test_candidates_without_a_vector_are_ranked_by_words_alone(model):
    query = Query("Violent crime fell in Milltown", vector=model.encode(["Crime fell"])[0])
    with_vector = Candidate("a", CRIME, vector=model.encode([CRIME])[0])
    stats = Statistics(10, {}, 8)
    assert "meaning" in rank(query, [with_vector], stats)[0].features
    mixed = rank(query, [with_vector, Candidate("b", "Crime rose in Milltown")], stats)
    assert all("meaning" not in m.features for m in mixed)


def test_without_the_package_there_is_no_encoder_and_matching_is_lexical(without_model):
    assert embedding.encoder() is None
    matches = Index(ARCHIVE, model=embedding.encoder()).match(Query("Milltown crime fell 10%"))
    assert matches[0].id == "fc-crime" and "meaning" not in matches[0].features


@pytest.mark.django_db
class TestDesk:
    @pytest.fixture
    def archive(self):
        import_fact_checks(json.dumps([WASTE, TRAMS]))

    def test_matching_stores_the_vectors_it_computes(self, archive, article):
        claim = article.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        claim.refresh_from_db()
        assert embedding.from_bytes(claim.embedding).shape == (embedding.DIMENSIONS,)
        match = claim.matches.get()
        assert "meaning" in match.features and match.matcher_version == MATCHER_VERSION
        assert match.fact_check.embedding is not None

    def test_a_changed_fact_check_loses_its_vector(self, archive, article):
        services.match_claim(article.claims.get(text__contains="cut waste").pk)
        import_fact_checks(json.dumps([{**WASTE, "claimReviewed": "Waste fell by a third."}]))
        assert FactCheck.objects.get(url=WASTE["url"]).embedding is None

    def test_without_the_package_the_desk_matches_by_words(self, archive, article, without_model):
        claim = article.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        claim.refresh_from_db()
        match = claim.matches.get()
        assert claim.embedding is None and "meaning" not in match.features
        assert match.matcher_version == f"{MATCHER_VERSION}-lexical"

    def test_generated_fact_checks_carry_the_stand_in_vector(self):
        from devtools.management.commands.generate_fact_checks import generate

        generate(3)
        vectors = [embedding.from_bytes(fc.embedding) for fc in FactCheck.objects.all()]
        assert len(vectors) == 3 and all(abs(float(v @ v) - 1) < 1e-3 for v in vectors)


@pytest.mark.django_db
class TestStoredMatches:
    def test_a_paraphrase_with_few_shared_words_is_kept_by_its_meaning(self, article):
        paraphrase = "Bus passenger journeys in the city went down by about an eighth in 12 months."
        import_fact_checks(
            json.dumps([review("https://checkers.example/buses", paraphrase, "True")])
        )
        claim = article.claims.get(text__contains="ridership")

        services.match_claim(claim.pk)

        match = claim.matches.get()
        assert match.features["text"] < SHOW["text"]  # words alone would not keep it
        assert match.features["meaning"] >= MEANING_SHOW["meaning"]

    def test_without_the_model_few_shared_words_are_not_enough(self, article, without_model):
        paraphrase = "Bus passenger journeys in the city went down by about an eighth in 12 months."
        import_fact_checks(
            json.dumps([review("https://checkers.example/buses", paraphrase, "True")])
        )
        claim = article.claims.get(text__contains="ridership")

        services.match_claim(claim.pk)

        assert not claim.matches.exists()

    @pytest.mark.parametrize("words", ["with the model", "without the model"])
    def test_a_fact_check_sharing_only_a_number_or_a_word_is_no_match(
        self, article, words, request
    ):
        if words == "without the model":
            request.getfixturevalue("without_model")
        import_fact_checks(json.dumps(UNRELATED))
        claim = article.claims.get(text__contains="budget")

        services.match_claim(claim.pk)

        claim.refresh_from_db()
        assert not claim.matches.exists() and claim.open_matches == 0
        assert not matching.matches_for_page(claim)

    def test_the_budget_claim_reworded_is_still_a_match(self, article):
        import_fact_checks(json.dumps([*UNRELATED, BUDGET]))
        claim = article.claims.get(text__contains="budget")

        services.match_claim(claim.pk)

        claim.refresh_from_db()
        assert [m.fact_check.url for m in matching.matches_for_page(claim)] == [BUDGET["url"]]
        assert claim.open_matches == 1
