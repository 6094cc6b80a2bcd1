"""The queue's text search: a substring match on the claim, its speaker and its headline.

On PostgreSQL each of the three is served by a trigram GIN index (migration 0003) on
UPPER(column), which is what Django's `icontains` compares; the headline match is written as
`article_id = ANY(ARRAY(subquery))` so the planner can OR the three indexes together instead of
scanning every claim. SQLite does the same match by scanning (laptop scale).
"""

from django.db.models import BooleanField, F, Func, Q, Subquery

from claims.models import Article


class InArray(Func):
    """`field IN (subquery)`, written on PostgreSQL as `field = ANY(ARRAY(subquery))`.

    PostgreSQL runs ARRAY(subquery) once, before the scan (an InitPlan), so an index on the
    field serves it even inside an OR; a plain IN (subquery) inside an OR is checked row by row.
    """

    template = "%(expressions)s"
    arg_joiner = " IN "
    output_field = BooleanField()
    conditional = True

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="%(expressions)s)", arg_joiner=" = ANY(ARRAY", **extra
        )


def claim_search(q):
    """Claims whose text, speaker as written, or article headline contains `q` (any case)."""
    headlines = Article.objects.filter(headline__icontains=q).order_by().values("id")
    return (
        Q(text__icontains=q)
        | Q(source_text__icontains=q)
        | Q(InArray(F("article_id"), Subquery(headlines)))
    )
