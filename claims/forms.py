"""Forms: they parse and validate input; services apply the rules."""

import datetime

from django import forms
from django.conf import settings
from django.urls import reverse_lazy

from claims import ingest
from claims.ids import parse_id
from claims.models import Article, Claim, ClaimEvidence, Evidence, Source, Verdict, WebhookEndpoint
from claims.services import TRANSITIONS, assignable_users, bulk_actions_for


class IsoDateInput(forms.DateInput):
    """A browser date picker. Its value must be yyyy-mm-dd whatever the locale: a browser shows
    "20/12/2026" (en-gb's format) as an empty field and submits it empty, wiping the date."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class AddressInput(forms.URLInput):
    """A web address typed as journalists paste it: "news.example.org/story" is taken (the field
    adds https://, assume_scheme). A type="url" input made the browser refuse it ("Please enter
    a URL") before the form was sent."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "url", "spellcheck": "false", **(attrs or {})})


class LongTextarea(forms.Textarea):
    """A text box without the browser's maxlength: text pasted past the limit was cut silently
    (a 7,000-character comment kept its first 5,000). The form refuses it instead, saying how
    long it is, and the whole text stays in the box to shorten."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("maxlength", None)
        return context


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned, errors = [], []
        for item in files:
            try:
                cleaned.append(super().clean(item, initial))
            except forms.ValidationError as exc:
                # Name the file: with several, "The submitted file is empty." alone says not which.
                name = ingest.safe_filename(getattr(item, "name", "") or "upload")
                errors.extend(f"{name}: {message}" for message in exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class ArticleUploadForm(forms.Form):
    text = forms.CharField(
        label="Paste the article",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "placeholder": "Paste the article text here…"}),
    )
    files = MultipleFileField(
        label="…or upload files",
        required=False,
        help_text="Plain text, Markdown, HTML, Word (.docx) or PDF; several at once if you like.",
    )
    headline = forms.CharField(max_length=300, required=False)
    standfirst = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    outlet = forms.CharField(max_length=200, required=False)
    author = forms.CharField(max_length=200, required=False)
    url = forms.URLField(
        max_length=1000, required=False, label="URL", assume_scheme="https", widget=AddressInput
    )
    published_on = forms.DateField(required=False, label="Published on", widget=IsoDateInput())
    allow_duplicate = forms.BooleanField(
        required=False, label="Upload anyway, even if the same text is already here"
    )

    def clean_files(self):
        """Only what is cheap (type, size, count, the first bytes): the worker reads the rest."""
        files = self.cleaned_data["files"]
        if len(files) > settings.ARTICLE_MAX_FILES:
            raise forms.ValidationError(
                f"Upload at most {settings.ARTICLE_MAX_FILES} files at a time."
            )
        uploads, errors = [], []
        for upload in files:
            name = ingest.safe_filename(upload.name or "upload")
            try:
                head = upload.read(ingest.UPLOAD_HEAD)
                upload.seek(0)
                fmt = ingest.check_upload(
                    name, upload.size, head, max_bytes=settings.ARTICLE_MAX_BYTES
                )
            except ingest.IngestError as exc:
                errors.append(f"{name}: {exc}")
                continue
            uploads.append((name, upload, fmt))
        if errors:
            raise forms.ValidationError(errors)
        return uploads

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        text = cleaned.get("text") or ""
        if text.strip():
            try:
                size = len(text.encode("utf-8", "surrogatepass"))
                ingest.check_size(size, settings.ARTICLE_MAX_BYTES, "article")
            except ingest.IngestError as exc:
                self.add_error("text", str(exc))
                return cleaned
        elif text and not cleaned.get("files"):
            self.add_error("text", "The article is empty: it contains only spaces.")
            return cleaned
        else:
            cleaned["text"] = ""
        if not cleaned["text"] and not cleaned.get("files"):
            raise forms.ValidationError("Paste the article's text or choose at least one file.")
        return cleaned

    def chosen_file_names(self):
        """The names of the files the form was sent with: a browser cannot put them back in the
        form when it comes back, so the page names them, to choose again."""
        if not self.is_bound or not hasattr(self.files, "getlist"):
            return []
        return [ingest.safe_filename(f.name or "upload") for f in self.files.getlist("files")]

    def article_details(self):
        """The article fields the form gives (the rest comes from the documents)."""
        return {
            name: self.cleaned_data[name]
            for name in ("headline", "standfirst", "outlet", "author", "url", "published_on")
        }


class VersionedForm(forms.Form):
    """Carries the claim version the user saw, for optimistic locking, and when they saw it."""

    # The fields are hidden: when they are missing or altered, the page is what to fix.
    OUT_OF_DATE = "The page was out of date or incomplete: reload it and try again."

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    seen = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    def clean_seen(self):
        seen = self.cleaned_data["seen"]
        try:
            # A moment the database can compare with (year 9999 at -12:00 is year 10000 in UTC).
            seen is None or seen.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError("Not a moment the desk can use.") from None
        return seen

    def refusal(self, message):
        """What to tell the user about this invalid form: `message`, or to reload the page."""
        if "version" in self.errors or "seen" in self.errors:
            return self.OUT_OF_DATE
        # A text over its length (no maxlength cuts it in the browser): say so, not `message`.
        for name, errors in self.errors.items():
            field = self.fields.get(name)
            if isinstance(getattr(field, "widget", None), LongTextarea):
                too_long = [e for e in errors.as_data() if e.code == "max_length"]
                if too_long:
                    return f"{field.label or name.capitalize()}: {too_long[0].messages[0]}"
        return message


class TransitionForm(VersionedForm):
    action = forms.CharField(widget=forms.HiddenInput, max_length=20)
    reason = forms.CharField(
        required=False, max_length=2000, widget=LongTextarea(attrs={"rows": 2})
    )


class AssignForm(VersionedForm):
    assignee = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="— nobody —", label="Assign to"
    )

    def __init__(self, *args, people=None, **kwargs):
        """`people`: the assignable users ({pk: user}, DeskLookups) when the caller has read
        them: an unbound form lists them in its menu without a queryset of its own."""
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        if people is None or self.is_bound:
            field.queryset = assignable_users()
        else:
            field.widget.choices = [
                ("", field.empty_label),
                *((person.pk, str(person)) for person in people.values()),
            ]


class VerdictForm(VersionedForm):
    verdict = forms.ModelChoiceField(queryset=Verdict.objects.all(), empty_label="Choose…")
    summary = forms.CharField(
        max_length=5000,
        widget=LongTextarea(attrs={"rows": 4, "placeholder": "What the evidence shows…"}),
    )
    # Set by "Propose anyway" after the warning that the verdict goes against the evidence.
    despite_evidence = forms.BooleanField(required=False, widget=forms.HiddenInput)


def stance_field():
    """The evidence's stance, with nothing chosen: the person linking it says which it is."""
    return forms.ChoiceField(
        choices=[("", "Choose…"), *ClaimEvidence.Stance.choices],
        error_messages={"required": "Say whether it supports or refutes the claim, or is context."},
    )


class EvidenceForm(forms.Form):
    url = forms.URLField(
        max_length=1000, required=False, label="URL", assume_scheme="https", widget=AddressInput
    )
    title = forms.CharField(max_length=300, required=False)
    excerpt = forms.CharField(
        required=False, max_length=10000, widget=LongTextarea(attrs={"rows": 3})
    )
    kind = forms.ChoiceField(choices=Evidence.Kind.choices, initial=Evidence.Kind.WEB)
    publisher = forms.CharField(max_length=200, required=False)
    stance = stance_field()
    note = forms.CharField(required=False, max_length=2000)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("title") or "").strip() and not cleaned.get("url"):
            raise forms.ValidationError("Give the evidence a title or a URL.")
        return cleaned


class LinkEvidenceForm(forms.Form):
    # The menu offers the most recent evidence; any piece not yet linked is accepted.
    MENU_SIZE = 50

    evidence = forms.ModelChoiceField(queryset=Evidence.objects.all(), empty_label="Choose…")
    stance = stance_field()

    def __init__(self, *args, claim=None, linked=None, **kwargs):
        """`linked`: the ids of the evidence linked to the claim, when the caller has read them
        (the claim page): the menu then leaves them out itself."""
        super().__init__(*args, **kwargs)
        if claim is not None:
            if self.is_bound:  # what it accepts: any piece not linked to the claim yet
                linkable = Evidence.objects.exclude(claim_links__claim=claim)
                self.fields["evidence"].queryset = linkable
            newest = Evidence.objects.order_by("-created_at", "-id").values_list("pk", "title")
            if linked is None:
                recent = list(newest.exclude(claim_links__claim=claim)[: self.MENU_SIZE])
            else:
                # The newest pieces, enough of them to leave MENU_SIZE once the linked ones are
                # out: the bench's claim (20 linked) read its menu in 0.36 ms this way, 0.98 ms
                # through the query that leaves them out (NOT EXISTS).
                rows = newest[: self.MENU_SIZE + len(linked)]
                recent = [row for row in rows if row[0] not in linked][: self.MENU_SIZE]
            self.menu = [("", "Choose…"), *recent]
            self.fields["evidence"].widget.choices = self.menu


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Comment",
        max_length=5000,
        help_text="@username tells that person.",
        widget=LongTextarea(
            attrs={
                "rows": 2,
                "placeholder": "Comment… (@username tells that person)",
                "data-mentions": reverse_lazy("people_search"),
            }
        ),
    )


class ClaimsField(forms.ModelMultipleChoiceField):
    """Ticked claims: every value must be an id before any query (an `id IN (…)` lookup does
    not guard against numbers the database cannot hold)."""

    def clean(self, value):
        if isinstance(value, list | tuple) and any(parse_id(item) is None for item in value):
            raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid")
        return super().clean(value)


class BulkActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=(), error_messages={"invalid_choice": "Your role cannot make this bulk change."}
    )
    claims = ClaimsField(
        queryset=Claim.objects.all(),
        error_messages={
            "required": "Select at least one claim.",
            "invalid_pk_value": "Those are not claims of the queue: reload the page.",
            "invalid_choice": "Those are not claims of the queue: reload the page.",
        },
    )
    assignee = forms.ModelChoiceField(queryset=None, required=False, empty_label="— who? —")
    reason = forms.CharField(required=False, max_length=2000)
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = bulk_actions_for(user)
        self.fields["assignee"].queryset = assignable_users()

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "assign" and not cleaned.get("assignee"):
            self.add_error("assignee", "Choose who to assign the claims to.")
        if (
            action in TRANSITIONS
            and TRANSITIONS[action].needs_reason
            and not (cleaned.get("reason") or "").strip()
        ):
            self.add_error("reason", f"Give a reason to {TRANSITIONS[action].label.lower()}.")
        cleaned["versions"] = self._versions()
        return cleaned

    def _versions(self):
        """{claim id: version} the confirmation showed ("12:5" each); unreadable ones dropped."""
        values = self.data.getlist("versions") if hasattr(self.data, "getlist") else []
        versions = {}
        for value in values:
            pk, _, version = str(value).partition(":")
            pk, version = parse_id(pk), parse_id(version)
            if pk is not None and version is not None:
                versions[pk] = version
        return versions


class ScheduleForm(VersionedForm):
    due_date = forms.DateField(required=False, label="Due", widget=IsoDateInput())
    priority = forms.TypedChoiceField(choices=Claim.Priority.choices, coerce=int)


class SavedViewForm(forms.Form):
    name = forms.CharField(max_length=100)
    shared = forms.BooleanField(required=False, label="Share with the desk")
    params = forms.CharField(max_length=1000, required=False, widget=forms.HiddenInput)


class SourceMergeForm(forms.Form):
    """Pick the source to fold into this one (it is kept; the other is deleted)."""

    other = forms.ModelChoiceField(
        queryset=None, label="Merge into this source", empty_label="Choose a source…"
    )

    def __init__(self, *args, source, **kwargs):
        from claims.models import Source

        super().__init__(*args, **kwargs)
        other = self.fields["other"]
        other.queryset = Source.objects.exclude(pk=source.pk).order_by("name")
        # The menu reads names only, not each source as a model with its aliases: the source
        # page's 177 sources 3.2 → 1.3 ms CPU (perf20_bench); any other source is accepted.
        other.widget.choices = [("", other.empty_label), *other.queryset.values_list("pk", "name")]


# --- Corrections ---------------------------------------------------------------------------------


class SpeakerFields(forms.Form):
    """The speaker of a claim: an existing source (picked from a search), a new one, or none.

    `speaker` is a source's id, "new" (then the name and kind below) or empty (no speaker).
    """

    speaker = forms.CharField(required=False, max_length=20)
    source_name = forms.CharField(
        required=False, max_length=300, label="Name",
        help_text="As it should appear, e.g. “Douglas Band”, “the Treasury”.",
    )  # fmt: skip
    source_kind = forms.ChoiceField(
        required=False, label="Kind", choices=[("", "Choose…"), *Source.Kind.choices]
    )

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("speaker") or ""
        if choice not in ("", "new") and not parse_id(choice):
            self.add_error("speaker", "Choose a speaker from the list.")
        if choice == "new" and not (cleaned.get("source_name") or "").strip():
            self.add_error("source_name", "Write the new speaker's name.")
        if choice == "new" and not cleaned.get("source_kind"):
            self.add_error("source_kind", "Choose what kind of speaker this is.")
        return cleaned

    def speaker_changes(self):
        """The speaker keyword arguments for the corrections service."""
        data = self.cleaned_data
        choice = data.get("speaker") or ""
        if choice == "new":
            return {"source_name": data["source_name"], "source_kind": data["source_kind"]}
        if choice:
            return {"source_id": parse_id(choice)}
        return {"source_name": ""}


class AddClaimForm(SpeakerFields):
    """A claim from a selection of the article's text (offsets in Python characters)."""

    start = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    end = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    kind = forms.ChoiceField(choices=Claim.Kind.choices, widget=forms.RadioSelect)
    cue = forms.CharField(required=False, max_length=100, help_text="“said”, “told Axios”, …")
    claim_reviewed = forms.CharField(
        required=False, max_length=5000, label="Wording to review (optional)",
        widget=LongTextarea(attrs={"rows": 2}),
        help_text="A paraphrase to publish; the exact words stay the claim's text.",
    )  # fmt: skip


class CorrectClaimForm(SpeakerFields, VersionedForm):
    kind = forms.ChoiceField(choices=Claim.Kind.choices, widget=forms.RadioSelect)
    cue = forms.CharField(required=False, max_length=100)
    claim_reviewed = forms.CharField(
        required=False, max_length=5000, label="Wording to review and publish",
        widget=LongTextarea(attrs={"rows": 2}),
        help_text="Leave as the exact words, or write a paraphrase (never shown in quotation "
        "marks on the public page).",
    )  # fmt: skip


class SpanForm(VersionedForm):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=0)


class SplitForm(VersionedForm):
    at = forms.IntegerField(min_value=0, label="Split before")


class MergeForm(forms.Form):
    others = forms.ModelMultipleChoiceField(
        queryset=Claim.objects.none(), label="Claims that say the same thing",
        error_messages={"required": "Choose the claims to merge into this one."},
    )  # fmt: skip

    def __init__(self, *args, claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["others"].queryset = (
            Claim.objects.filter(article_id=claim.article_id, rejection="", detached=False)
            .exclude(pk=claim.pk)
            .order_by("start")
        )


class RejectForm(VersionedForm):
    reason = forms.ChoiceField(choices=[("", "Why?"), *Claim.Rejection.choices])
    note = forms.CharField(required=False, max_length=500)


class ArticleDetailsForm(forms.ModelForm):
    url = forms.URLField(
        max_length=1000, required=False, label="URL", assume_scheme="https", widget=AddressInput
    )

    class Meta:
        model = Article
        fields = ["headline", "standfirst", "outlet", "author", "url", "published_on"]
        widgets = {
            "standfirst": forms.Textarea(attrs={"rows": 2}),
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"published_on": "Published on"}


class NewVersionForm(forms.Form):
    """A changed text of an article: pasted, or one file."""

    text = forms.CharField(
        required=False, strip=False, label="Paste the new text",
        widget=forms.Textarea(attrs={"rows": 6}),
    )  # fmt: skip
    file = forms.FileField(required=False, label="…or upload the new file")

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("file")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError("Paste the new text or choose one file (not both).")
        if upload is not None:
            name = ingest.safe_filename(upload.name or "upload")
            try:
                head = upload.read(ingest.UPLOAD_HEAD)
                upload.seek(0)
                cleaned["format"] = ingest.check_upload(
                    name, upload.size, head, max_bytes=settings.ARTICLE_MAX_BYTES
                )
            except ingest.IngestError as exc:
                raise forms.ValidationError(f"{name}: {exc}") from None
            cleaned["name"] = name
        else:
            size = len(text.encode("utf-8", "surrogatepass"))
            try:
                ingest.check_size(size, settings.ARTICLE_MAX_BYTES, "article")
            except ingest.IngestError as exc:
                raise forms.ValidationError(str(exc)) from None
        return cleaned


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label="Name",
        help_text="What will use it, e.g. “CMS production”: you will see it in this list.",
    )


class WebhookForm(forms.Form):
    url = forms.URLField(
        max_length=1000,
        label="URL",
        assume_scheme="https",
        widget=AddressInput,
        help_text="Where the desk POSTs each event (https recommended).",
    )
    description = forms.CharField(max_length=200, required=False)
    events = forms.MultipleChoiceField(
        choices=WebhookEndpoint.Event.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="What the endpoint is told about.",
    )


class ArchiveImportForm(forms.Form):
    file = forms.FileField(
        label="ClaimReview file",
        help_text="JSON-LD (ClaimReview objects, a list, @graph or a DataFeed) or JSON lines, "
        "as exported by a partner's feed.",
    )


class MatchDecisionForm(forms.Form):
    same = forms.TypedChoiceField(
        choices=[("yes", "Same claim"), ("no", "Not the same")], coerce=lambda v: v == "yes"
    )
