"""Export the reviewed articles as gold data, in the format of shared/eval (PolNeAR's)."""

import json
import os
import tempfile
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims import services


def _date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since wants a date such as 2025-01-31, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Write the articles whose claims an editor marked reviewed as gold data, one JSON line "
        'per article: {"id", "text", "attributions": [{"source": [[start, end]], "cue": '
        '[[start, end]], "content": [[start, end]]}], ...}, the format of shared/eval, so that '
        "`python -m claims.extraction.evaluate OUT.jsonl` scores the current extractor against "
        "the desk's corrections. A claim counts when it is attributed (a direct quote or "
        "reported speech: unattributed claims have no speaker and are not attributions), still "
        'in the text and not marked "not a claim" (junk or a duplicate). A speaker or cue set '
        "by hand is the nearest mention of it (the speaker's name, an alias or a person's "
        "surname) in the claim's sentences, or no span when the sentences do not name it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "out", nargs="?", help="the JSONL file to write (standard output when omitted)"
        )
        parser.add_argument(
            "--since", type=_date, help="only articles reviewed on or after this date (YYYY-MM-DD)"
        )

    def handle(self, out=None, since=None, **options):
        if out is None:
            count, attributions = self._write(self.stdout, since)
        else:
            try:
                count, attributions = self._write_file(Path(out), since)
            except OSError as exc:
                raise CommandError(f"Could not write {out}: {exc.strerror or exc}.") from None
        self.stderr.write(
            f"Exported {count} reviewed article{'s' if count != 1 else ''} "
            f"({attributions} attribution{'s' if attributions != 1 else ''})"
            + (f" to {out}." if out else ".")
        )

    def _write(self, stream, since):
        count = attributions = 0
        for article in services.reviewed_articles(since).iterator(chunk_size=100):
            record = services.gold_record(article)
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
            attributions += len(record["attributions"])
        return count, attributions

    def _write_file(self, path, since):
        """All or nothing: a failure leaves an existing file as it was."""
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise CommandError(f"There is no folder {folder} to write {path.name} in.")
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                result = self._write(stream, since)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        return result
