"""Comments: their author edits them (the earlier text is kept), anyone on the desk resolves
them, and the claim page shows both. Alice is an editor, Bob and Carol fact-checkers, Vic a
viewer."""

from html import unescape

import pytest
from django.urls import reverse

from claims import services
from claims.models import ClaimEvent, Notification
from claims.services import WorkflowError

pytestmark = pytest.mark.django_db

Action = ClaimEvent.Action


@pytest.fixture
def comment(claim, bob):
    return services.add_comment(claim, actor=bob, text="The minutes are online.")


def test_the_author_edits_a_comment_and_the_earlier_text_is_kept(comment, bob):
    services.edit_comment(comment, actor=bob, text="The minutes are online, page 4.")

    comment.refresh_from_db()
    assert comment.text == "The minutes are online, page 4."
    assert comment.edited_at is not None
    assert [r.text for r in comment.revisions.all()] == ["The minutes are online."]


@pytest.mark.parametrize("who", ["alice", "carol", "vic"])
def test_only_the_author_edits_a_comment(request, comment, who):
    with pytest.raises(WorkflowError, match="Only the person who wrote a comment can edit it"):
        services.edit_comment(comment, actor=request.getfixturevalue(who), text="Changed.")

    comment.refresh_from_db()
    assert comment.text == "The minutes are online."


def test_an_edit_to_nothing_is_refused(comment, bob):
    with pytest.raises(WorkflowError, match="The comment is empty"):
        services.edit_comment(comment, actor=bob, text="  ")


def test_only_comments_are_edited(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    event = ClaimEvent.objects.filter(action=ClaimEvent.Action.ASSIGNED).get()

    with pytest.raises(WorkflowError, match="Only comments"):
        services.edit_comment(event, actor=alice, text="Changed.")


def test_an_edit_tells_only_the_people_it_newly_mentions(claim, bob, alice, carol):
    comment = services.add_comment(claim, actor=bob, text="@alice the minutes are online.")

    services.edit_comment(comment, actor=bob, text="@alice @carol the minutes are online.")

    assert Notification.objects.filter(recipient=alice).count() == 1
    assert Notification.objects.filter(recipient=carol).count() == 1


@pytest.mark.parametrize("who", ["alice", "bob", "carol"])
def test_anyone_on_the_desk_resolves_and_reopens_a_comment(request, comment, who):
    user = request.getfixturevalue(who)

    services.resolve_comment(comment, actor=user)
    comment.refresh_from_db()
    assert (comment.resolved_by, comment.resolved_at is not None) == (user, True)

    services.resolve_comment(comment, actor=user, resolved=False)
    comment.refresh_from_db()
    assert (comment.resolved_by, comment.resolved_at) == (None, None)


def test_viewers_do_not_resolve_comments(comment, vic):
    with pytest.raises(WorkflowError, match="Viewers cannot"):
        services.resolve_comment(comment, actor=vic)


def test_fact_checker_comments_on_any_claim(claim, carol):
    services.add_comment(claim, actor=carol, text="  Seen this before.  ")

    event = claim.events.get(action=Action.COMMENT)
    assert (event.actor, event.text) == (carol, "Seen this before.")


def test_viewer_cannot_comment(claim, vic):
    with pytest.raises(WorkflowError, match="Viewers cannot comment"):
        services.add_comment(claim, actor=vic, text="Hello")

    assert not claim.events.filter(action=Action.COMMENT).exists()


@pytest.mark.parametrize("text", ["", " \n\t "])
def test_empty_comment_is_refused(claim, bob, text):
    with pytest.raises(WorkflowError, match="comment is empty"):
        services.add_comment(claim, actor=bob, text=text)


# --- On the claim page -------------------------------------------------------------------------


def page_of(client, claim):
    return unescape(client.get(claim.get_absolute_url()).content.decode())


def test_the_page_shows_an_edited_comment_with_its_earlier_versions(login, claim, comment, bob):
    services.edit_comment(comment, actor=bob, text="Page 4 of the minutes.")

    page = page_of(login("alice"), claim)

    assert "Page 4 of the minutes." in page
    assert "(edited)" in page
    assert "Earlier versions (1)" in page and "The minutes are online." in page


def test_the_author_is_offered_to_edit_and_others_only_to_resolve(login, claim, comment):
    edit = reverse("claim_comment_edit", args=[claim.pk, comment.pk])
    resolve = reverse("claim_comment_resolve", args=[claim.pk, comment.pk])

    mine, others, viewer = (page_of(login(who), claim) for who in ("bob", "carol", "vic"))

    assert edit in mine and resolve in mine
    assert edit not in others and resolve in others
    assert edit not in viewer and resolve not in viewer


def test_editing_through_the_page(login, claim, comment):
    response = login("bob").post(
        reverse("claim_comment_edit", args=[claim.pk, comment.pk]),
        {"text": "Page 4."},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200 and "Page 4." in unescape(response.content.decode())
    comment.refresh_from_db()
    assert comment.text == "Page 4."


def test_an_edit_by_someone_else_is_refused_with_a_message(login, claim, comment):
    response = login("carol").post(
        reverse("claim_comment_edit", args=[claim.pk, comment.pk]), {"text": "Mine now."}
    )

    assert response.status_code == 200
    assert "Only the person who wrote a comment can edit it." in unescape(response.content.decode())


def test_a_comment_too_long_is_refused_as_too_long_and_kept_whole(login, claim):
    """The browser's maxlength cut a pasted 7,000-character comment to 5,000 without a word; now
    the whole text reaches the form, which says it is too long (it said "empty") and keeps it."""
    text = "".join(f"Line {n:04d} of the note. " for n in range(300))
    client = login("bob")
    page = client.get(claim.get_absolute_url()).content.decode()

    response = client.post(
        reverse("claim_comment", args=[claim.pk]), {"text": text}, HTTP_HX_REQUEST="true"
    )

    content = unescape(response.content.decode())
    assert 'maxlength="5000"' not in page
    assert "The comment was not saved: Ensure this value has at most 5000 characters" in content
    assert "The comment is empty" not in content
    assert text in content  # back in the box
    assert not claim.events.filter(action=Action.COMMENT).exists()


def test_an_edit_refused_lists_what_was_typed(login, claim, comment):
    for who, text, message in [
        ("bob", "Page 4. " * 700, "at most 5000 characters"),
        ("carol", "Mine now, with the page number.", "Only the person who wrote a comment"),
    ]:
        response = login(who).post(
            reverse("claim_comment_edit", args=[claim.pk, comment.pk]),
            {"text": text},
            HTTP_HX_REQUEST="true",
        )

        content = unescape(response.content.decode())
        assert message in content
        assert text.strip() in content  # listed as not saved, to copy
    comment.refresh_from_db()
    assert comment.text == "The minutes are online."


def test_resolving_through_the_page(login, claim, comment, carol):
    login("carol").post(
        reverse("claim_comment_resolve", args=[claim.pk, comment.pk]), {"resolved": "1"}
    )

    comment.refresh_from_db()
    assert comment.resolved_by == carol
    assert "resolved by carol" in page_of(login("alice"), claim)


def test_a_comment_of_another_claim_is_not_found(login, article, claim, comment):
    other = article.claims.exclude(pk=claim.pk).first()

    response = login("bob").post(
        reverse("claim_comment_edit", args=[other.pk, comment.pk]), {"text": "x"}
    )

    assert response.status_code == 404
