"""The desk's decided matches as evaluation data: ``manage.py export_match_pairs DIR``.

Writes DIR/vclaims.jsonl (every fact-check and desk claim that some decided match points to)
and DIR/queries.jsonl (each claim with a decided match: its text, context and "gold" = the ids a
person confirmed; "rejected" = those a person rejected), in the format of the CheckThat! files,
so that ``python -m claims.matching DIR/vclaims.jsonl DIR/queries.jsonl`` and the lab's
``score_matching.py`` measure the matcher on the desk's own judgements.
"""

import json
import os

from django.core.management.base import BaseCommand

from claims.models import Claim, ClaimMatch
from claims.services.matching import query_for


def _target_id(match):
    if match.fact_check_id:
        return f"factcheck-{match.fact_check_id}"
    return f"claim-{match.other_claim_id}"


class Command(BaseCommand):
    help = "Export confirmed and rejected matches as vclaims.jsonl and queries.jsonl in DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, **options):
        os.makedirs(directory, exist_ok=True)
        decided = (
            ClaimMatch.objects.exclude(status=ClaimMatch.Status.SUGGESTED)
            .select_related("fact_check", "other_claim__source")
            .order_by("claim_id", "id")
        )
        targets, labels = {}, {}
        for match in decided:
            target = _target_id(match)
            if match.fact_check_id:
                fc = match.fact_check
                targets[target] = {
                    "id": target,
                    "text": fc.claim_reviewed,
                    "title": fc.title,
                    "speaker": fc.claimant,
                    "url": fc.url,
                    "verdict": fc.verdict,
                }
            else:
                other = match.other_claim
                speaker = other.source.name if other.source_id else other.source_text
                targets[target] = {"id": target, "text": other.text, "speaker": speaker}
            key = "gold" if match.status == ClaimMatch.Status.CONFIRMED else "rejected"
            labels.setdefault(match.claim_id, {"gold": [], "rejected": []})[key].append(target)
        with open(os.path.join(directory, "vclaims.jsonl"), "w", encoding="utf-8") as fh:
            for line in targets.values():
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        claims = Claim.objects.select_related("article", "source").in_bulk(list(labels))
        with open(os.path.join(directory, "queries.jsonl"), "w", encoding="utf-8") as fh:
            for claim_id, label in labels.items():
                query = query_for(claims[claim_id])
                context = {"speaker": query.speaker, "before": list(query.before),
                           "after": list(query.after)}  # fmt: skip
                line = {"id": f"claim-{claim_id}", "text": query.text, "context": context, **label}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stdout.write(
            f"{len(labels)} claim(s) with decided matches, {len(targets)} matched item(s), "
            f"written to {directory}."
        )
