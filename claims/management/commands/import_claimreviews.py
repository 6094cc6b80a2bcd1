"""Import fact-checks into the archive: ``manage.py import_claimreviews FILE_OR_URL...``."""

from django.core.management.base import BaseCommand, CommandError

from claims import services


class Command(BaseCommand):
    help = (
        "Import published fact-checks (ClaimReview JSON-LD: one object, a list, @graph or a "
        "DataFeed; or JSON lines {id, text, title, date, url, verdict, speaker}) into the "
        "archive. Same URL = same fact-check, updated. Prints what was skipped and why."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="FILE_OR_URL")

    def handle(self, *args, sources, **options):
        failed = False
        for source in sources:
            try:
                report = services.import_fact_checks(services.read_source(source))
            except services.ArchiveImportError as exc:
                self.stderr.write(f"{source}: {exc}")
                failed = True
                continue
            self.stdout.write(f"{source}: {report.summary()}")
            for where, reason in report.skipped:
                self.stdout.write(f"  {where}: {reason}")
        if failed:
            raise CommandError("Some files could not be imported (see above).")
