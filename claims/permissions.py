"""Roles and what each may do: the one table the services (and templates) consult."""

import functools

EDITORS = "Editors"
FACT_CHECKERS = "Fact-checkers"
VIEWERS = "Viewers"
ROLE_GROUPS = (EDITORS, FACT_CHECKERS, VIEWERS)

EDITOR = "editor"
FACT_CHECKER = "fact_checker"
VIEWER = "viewer"

# action -> roles allowed. Fact-checkers act only on claims assigned to them (checked in
# services); "take" lets a fact-checker assign an unassigned claim to themselves.
PERMISSIONS = {
    "view": {EDITOR, FACT_CHECKER, VIEWER},
    "upload": {EDITOR},
    "retry_article": {EDITOR},
    "assign": {EDITOR},
    "take": {EDITOR, FACT_CHECKER},
    "start": {EDITOR, FACT_CHECKER},
    "propose": {EDITOR, FACT_CHECKER},
    "add_evidence": {EDITOR, FACT_CHECKER},
    "comment": {EDITOR, FACT_CHECKER},
    "approve": {EDITOR},
    "send_back": {EDITOR},
    "publish": {EDITOR},
    "reopen": {EDITOR},
    "dismiss": {EDITOR},
    "restore": {EDITOR},
    "merge_sources": {EDITOR},
    # Corrections: add a missed claim, fix a claim's span, kind, cue or speaker, split, merge,
    # mark "not a claim" (fact-checkers: on claims assigned to them; adding: any article).
    "correct": {EDITOR, FACT_CHECKER},
    "edit_article": {EDITOR},
    "review_article": {EDITOR},
    # Register webhook endpoints, see their deliveries, send test events.
    "manage_webhooks": {EDITOR},
    "decide_match": {EDITOR, FACT_CHECKER},
}


def role_of(user):
    """The user's strongest role; superusers are editors, a signed-in user with no group views."""
    if user is None or not user.is_authenticated:
        return None
    role = getattr(user, "_newsroom_role", None)
    if role is None:
        names = group_names(user)
        if user.is_superuser or EDITORS in names:
            role = EDITOR
        elif FACT_CHECKERS in names:
            role = FACT_CHECKER
        else:
            role = VIEWER
        user._newsroom_role = role  # one groups query per user object
    return role


def user_can(user, action):
    return role_of(user) in PERMISSIONS[action]


def group_names(user):
    """The names of the user's groups: one statement, written out. Every desk page asks (the
    top bar says the role): through the ORM (user.groups.values_list) the question took about
    830 Python calls, a tenth of the work of the search page's view besides its search."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(_group_names_sql(), [user.pk])
        return {name for (name,) in cursor.fetchall()}


@functools.cache
def _group_names_sql():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection

    quote = connection.ops.quote_name
    groups = get_user_model()._meta.get_field("groups")
    return (
        f"SELECT g.{quote('name')} FROM {quote(Group._meta.db_table)} g "
        f"INNER JOIN {quote(groups.m2m_db_table())} m "
        f"ON m.{quote(groups.m2m_reverse_name())} = g.{quote(Group._meta.pk.column)} "
        f"WHERE m.{quote(groups.m2m_column_name())} = %s"
    )
