"""Sources (speakers): merging two records that turn out to be one speaker."""

from django.db import transaction
from django.utils import timezone

from claims.models import Claim, ClaimEvent, Source
from claims.services.errors import WorkflowError, require


def _normal(name):
    return " ".join(name.casefold().split())


def merged_aliases(keep, merge):
    """`keep`'s aliases, then `merge`'s name and aliases; no duplicates, never `keep`'s name."""
    seen = {_normal(keep.name)}
    aliases = []
    for alias in [*keep.aliases, merge.name, *merge.aliases]:
        key = _normal(alias)
        if key and key not in seen:
            seen.add(key)
            aliases.append(alias[:300])
    return aliases


def merge_sources(keep, merge, *, actor):
    """Fold `merge` into `keep` (editors): its claims move, each with an event in its history,
    its names become aliases, it goes.

    Returns the number of claims moved.
    """
    require(actor, "merge_sources", "Only editors can merge sources.")
    if keep.pk == merge.pk:
        raise WorkflowError("A source cannot be merged into itself.")
    with transaction.atomic():
        locked = {
            s.pk: s for s in Source.objects.select_for_update().filter(pk__in=[keep.pk, merge.pk])
        }
        if len(locked) != 2:
            raise WorkflowError("One of these sources no longer exists: reload the page.")
        keep, merge = locked[keep.pk], locked[merge.pk]
        # The source rows are locked: no claim can be attributed to `merge` meanwhile, so these
        # are exactly the claims the update below moves.
        claim_ids = list(Claim.objects.filter(source=merge).values_list("pk", flat=True))
        # Attribution is not something a journalist edits on the claim, so the claim's
        # version (optimistic locking) is left alone: nobody's open form becomes stale.
        moved = Claim.objects.filter(source=merge).update(source=keep, updated_at=timezone.now())
        ClaimEvent.objects.bulk_create(
            [
                ClaimEvent(
                    claim_id=claim_id,
                    actor=actor,
                    action=ClaimEvent.Action.SOURCE_MERGED,
                    from_value=merge.name[:300],
                    to_value=keep.name[:300],
                )
                for claim_id in claim_ids
            ],
            batch_size=1000,
        )
        keep.aliases = merged_aliases(keep, merge)
        merge.delete()
        keep.save(update_fields=["aliases"])
    return moved
