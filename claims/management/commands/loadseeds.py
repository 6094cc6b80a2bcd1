"""Load the sample articles in seeds/ (once: a second run finds them by content and skips them)."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims import ingest, services
from claims.models import Article


class Command(BaseCommand):
    help = "Upload the articles in seeds/ (skipping any already loaded) and queue their extraction."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(settings.BASE_DIR / "seeds"))
        parser.add_argument("--user", default="editor", help="The editor who uploads them.")

    def handle(self, directory, user, **options):
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a directory.")
        editor = get_user_model().objects.filter(username=user).first()
        if editor is None:
            raise CommandError(f"No user called {user!r}: run `manage.py demousers` first.")
        loaded = skipped = 0
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.name.startswith("."):
                continue
            try:
                document = ingest.ingest_file(
                    path.name,
                    path.read_bytes(),
                    max_bytes=settings.ARTICLE_MAX_BYTES,
                    max_chars=settings.ARTICLE_MAX_CHARS,
                )
            except ingest.IngestError as exc:
                self.stderr.write(f"{path.name}: {exc}")
                continue
            if Article.objects.filter(content_hash=services.content_hash(document.text)).exists():
                skipped += 1
                continue
            headline = document.title or document.text.split("\n", 1)[0][:300]
            services.submit_article(
                user=editor,
                body=document.text,
                headline=headline,
                format=document.format,
                outlet=document.outlet or "",
                author=document.author or "",
                url=document.url or "",
                published_on=document.published,
                original_filename=path.name,
            )
            loaded += 1
        self.stdout.write(f"Seeds: {loaded} loaded, {skipped} already there.")
