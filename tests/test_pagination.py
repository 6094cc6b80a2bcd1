"""Keyset cursors come from URLs, so anyone can craft one: a cursor that is not one of ours
(wrong shape, wrong types, NaN, infinities, numbers or dates past what the database holds)
shows page one, in every sort, never an error."""

import base64
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import pagination, selectors
from claims.models import Claim

pytestmark = pytest.mark.django_db

SORTS = [*selectors.SORTS, *(f"-{sort}" for sort in selectors.SORTS)]


def token(raw):
    """A cursor as the desk writes one: URL-safe base64 without padding."""
    data = raw if isinstance(raw, bytes) else raw.encode()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


CRAFTED = [
    "WyJhYmMiLCAxXQ",  # ["abc", 1]: text where the score goes
    token('["abc", 1]'),
    token("[NaN, 1]"),
    token("[0.5, NaN]"),
    token("[Infinity, 1]"),
    token("[-Infinity, 1]"),
    token("[1e400, 1]"),
    token("[0.5, 1e400]"),
    token("[0.5, 99999999999999999999]"),
    token("[0.5, -99999999999999999999]"),
    token("[0.5, 1.5]"),
    token("[0.5, true]"),
    token("[true, 1]"),
    token('[0.5, "1"]'),
    token("[[1], 1]"),
    token('[{"a": 1}, 1]'),
    token("[null, null]"),
    token("[0.5]"),
    token("[0.5, 1, 2, 3, 4, 5]"),
    token("{}"),
    token('"text"'),
    token("12"),
    token('["2024-02-30T00:00:00+00:00", 1]'),
    token('["9999-12-31T23:59:59-12:00", 1]'),
    token('["not a date", 1]'),
    token('["a\\u0000b", 1]'),
    token(b"\xff\xfe\x00"),
    "not-a-cursor!",
    "%%%",
    "=",
    "A" * 3000,
]


@pytest.fixture
def claims(article):
    return list(article.claims.all())


# A float, a date-time, a nullable date and a nullable text column first (the hypothesis test
# below tries every sort both ways).
@pytest.mark.parametrize("sort", ["score", "-created", "due", "assignee"])
@pytest.mark.parametrize("cursor", CRAFTED)
def test_a_crafted_cursor_shows_the_first_page(claims, sort, cursor):
    query = selectors.QueueQuery.from_params({"o": sort})
    first = selectors.queue_page(None, query, {})

    page = selectors.queue_page(None, query, {"after": cursor})

    assert page.is_first
    assert [c.pk for c in page] == [c.pk for c in first]


@pytest.mark.parametrize("cursor", CRAFTED[:12])
def test_the_queue_shows_page_one_for_a_crafted_cursor(client, vic, claims, cursor):
    client.force_login(vic)

    response = client.get(reverse("claim_queue"), {"after": cursor})

    assert response.status_code == 200
    assert response.context["page"].is_first


@pytest.mark.parametrize("sort", SORTS)
def test_our_own_cursors_still_page(claims, settings, sort):
    settings.QUEUE_PAGE_SIZE = 2
    query = selectors.QueueQuery.from_params({"o": sort})
    first = selectors.queue_page(None, query, {})

    second = selectors.queue_page(None, query, {"after": first.next_cursor})

    assert not second.is_first
    assert {c.pk for c in first}.isdisjoint({c.pk for c in second})


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.sampled_from(["2024-05-01T10:00:00+00:00", "2024-05-01", "9999-12-31T23:59:59-12:00"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), sort=st.sampled_from(SORTS), direction=st.sampled_from(["after", "before"]))
def test_any_cursor_gives_a_page(claims, data, sort, direction):
    query = selectors.QueueQuery.from_params({"o": sort})
    width = len(selectors.queue_order(query))  # most cursors have the right number of values
    cursor = data.draw(
        st.lists(JSON_VALUES, min_size=width, max_size=width).map(lambda v: token(json.dumps(v)))
        | st.lists(JSON_VALUES, max_size=6).map(lambda v: token(json.dumps(v)))
        | st.text(max_size=60)
        | st.binary(max_size=40).map(token)
    )

    page = selectors.queue_page(None, query, {direction: cursor})

    assert len(page) <= Claim.objects.count()


def test_decoding_checks_each_value_against_its_column():
    keys = pagination.sort_keys(Claim, ("-score", "id"))

    assert pagination.decode_cursor(token("[0.5, 3]"), keys) == [0.5, 3]
    assert pagination.decode_cursor(token("[1, 3]"), keys) == [1.0, 3]
    assert pagination.decode_cursor(token("[NaN, 3]"), keys) is None
    assert pagination.decode_cursor(token('["abc", 3]'), keys) is None


def test_ids_if_few_reads_through_the_probe_until_the_rows_are_known_to_be_many(
    claims, monkeypatch
):
    monkeypatch.setattr(pagination, "COUNT_THRESHOLD", 1)
    asked = []

    def probe():
        asked.append(True)
        return Claim.objects.all()

    everything = Claim.objects.all()
    assert pagination.ids_if_few(everything, probe)[0] is None  # more than one: many
    assert pagination.ids_if_few(everything, probe)[0] is None  # remembered: not read again
    assert len(asked) == 1
    one = Claim.objects.filter(pk=Claim.objects.first().pk)
    assert pagination.ids_if_few(one, lambda: one) == ([one.get().pk], pagination.Tally(1))


# SQLite counts every time (laptop scale): only PostgreSQL's estimates are remembered.
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_rows_known_by_key_to_be_many_are_not_built_again(claims, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_THRESHOLD", 1)
    built = []

    def everything():
        built.append(True)
        return Claim.objects.all()

    first = pagination.count_many({"all": everything}, keys={"all": "every claim"})["all"]
    again = pagination.count_many({"all": everything}, keys={"all": "every claim"})["all"]
    assert not first.exact and again == first
    assert len(built) == 1  # the second answer came from what the first one learnt
    # Under another key the same rows are counted afresh.
    pagination.count_many({"all": everything}, keys={"all": "another name"})
    assert len(built) == 2


def test_the_mine_tab_is_counted_for_each_user(alice, bob, claims, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_THRESHOLD", 1)
    Claim.objects.update(assignee=alice, state=Claim.State.ASSIGNED)

    alices = selectors.tab_counts(alice)[0]["mine"]
    bobs = selectors.tab_counts(bob)[0]["mine"]
    assert int(alices) > 1  # many: estimated on PostgreSQL, counted on SQLite
    assert bobs == pagination.Tally(0)  # not alice's count, remembered under her key


def test_rows_once_many_and_now_none_count_as_none(claims):
    """A saved search's headline lists can come back empty while its key is still remembered as
    many (the estimate gone first): no rows to estimate, so they are counted, 0."""
    key = pagination._Counted(None, "a search that lost its rows").many_key
    cache.set(key, True)

    none = Claim.objects.filter(pk__in=[])  # Django writes no SQL for it
    tallies = pagination.count_many({"v": none}, keys={"v": "a search that lost its rows"})
    assert tallies == {"v": pagination.Tally(0)}
