"""Line-wrapped text rejoined into paragraphs: PDFs (built in the test with make_pdf) and text
files or pasted text wrapped at a fixed width. A sentence cut at a line end must reach the
extractor whole; headings, bylines and list items stay on their own."""

import datetime
import textwrap

import pytest

from claims.ingest import ingest_file, ingest_text
from claims.ingest.reflow import looks_hard_wrapped, reflow_pages, rejoin
from tests.test_ingest import SEED, make_pdf

LIMIT = 5 * 1024 * 1024
STORY = [
    "The city council approved a budget of 4.2 million pounds on Monday night after a long "
    "debate, officials said.",
    "Council leader Janet Harrow said the spending plan would protect libraries and bus routes "
    "that had been threatened with closure this year.",
    "Opposition councillor Peter Vance said the budget relied on reserves that would run out "
    "within two years, and called the plan a gamble with the future of the town.",
]


def wrapped(paragraphs, width=80):
    """The lines of the paragraphs as a PDF prints them: wrapped, no blank line between."""
    return [line for paragraph in paragraphs for line in textwrap.wrap(paragraph, width)]


def pdf_text(page_lines, **kwargs):
    return ingest_file("story.pdf", make_pdf(page_lines=page_lines, **kwargs), max_bytes=LIMIT)


# --- PDFs ----------------------------------------------------------------------------------------


def test_pdf_sentences_cut_at_line_ends_are_whole_again():
    assert pdf_text([wrapped(STORY)]).text == "\n\n".join(STORY)


def test_pdf_running_headers_footers_and_page_numbers_are_dropped():
    pages = [
        ["The Courier - 12 March 2024", *wrapped([paragraph]), f"Page {n} of 3"]
        for n, paragraph in enumerate(STORY, start=1)
    ]
    text = pdf_text(pages).text
    assert text == "\n\n".join(STORY)


def test_pdf_page_numbers_alone_on_a_line_are_dropped():
    pages = [[*wrapped([paragraph]), str(n)] for n, paragraph in enumerate(STORY, start=1)]
    assert pdf_text(pages).text == "\n\n".join(STORY)


def test_pdf_paragraph_running_over_a_page_break_is_one_paragraph():
    lines = wrapped(STORY)
    assert len(lines) > 3
    assert pdf_text([lines[:3], lines[3:]]).text == "\n\n".join(STORY)


def test_a_nearly_full_last_line_may_join_two_paragraphs_but_never_cuts_a_sentence():
    # Nothing in the text layer tells a paragraph's full last line from any other line.
    lines = [
        "The mayor said that the vote had been close",
        "and the council would meet again on Friday.",
        "Opposition councillor Peter Vance said the",
        "budget relied on reserves that would run out",
        "within two years.",
    ]
    assert pdf_text([lines]).text == (
        "The mayor said that the vote had been close and the council would meet again on Friday. "
        "Opposition councillor Peter Vance said the budget relied on reserves that would run out "
        "within two years."
    )


def test_pdf_word_hyphenated_at_a_line_end_is_mended():
    lines = [
        "Officials said the new rules would force the gov-",
        "ernment to publish every contract worth more than",
        "ten thousand pounds within thirty days of signing.",
    ]
    assert pdf_text([lines]).text == (
        "Officials said the new rules would force the government to publish every contract "
        "worth more than ten thousand pounds within thirty days of signing."
    )


@pytest.mark.parametrize(
    "first, second, word",
    [
        ("It was a complaint from a well-", "known figure in the long debate over", "well-known"),
        ("The minister said the firm was state-", "owned until the sale of 2019", "state-owned"),
        ("The health board said the COVID-", "19 rules would be dropped by the end of", "COVID-19"),
        ("Police said the victim was a 40-year-", "old man from the north of town", "40-year-old"),
        ("The council called it a so-", "called emergency budget, the third one in", "so-called"),
    ],
)  # fmt: skip
def test_pdf_real_hyphen_at_a_line_end_is_kept(first, second, word):
    text = pdf_text([[first, second, "the last few years, the report said today."]]).text
    assert word in text.split()


def test_pdf_the_documents_own_spelling_decides_a_hyphen():
    lines = [
        "The two agencies promised close co-operation on the case, and the co-",
        "operation began on Monday, when the police passed their files on to the",
        "prosecutors, who said the rep-",
        "ort would be ready by the end of the month. The report will be public.",
    ]
    text = pdf_text([lines]).text
    assert "the co-operation began" in text and "the report would be ready" in text


def test_pdf_headings_bylines_and_list_items_stay_on_their_own():
    lines = [
        "Council approves budget",
        "By Jane Smith",
        *wrapped(STORY[:1]),
        "The plan includes:",
        "- two new bus routes to the hospital and the railway station in the town",
        "- longer opening hours for the three branch libraries on Saturdays",
        *wrapped(STORY[1:2]),
    ]
    paragraphs = pdf_text([lines]).text.split("\n\n")
    assert paragraphs[:3] == ["Council approves budget", "By Jane Smith", STORY[0]]
    assert paragraphs[-3:-1] == [lines[-4], lines[-3]]
    assert paragraphs[-1] == STORY[1]


def test_pdf_title_author_and_date_come_from_its_properties():
    info = {"Title": "Council approves budget", "Author": "Jane Smith",
            "CreationDate": "D:20240312093000Z", "Producer": "Microsoft Word"}  # fmt: skip
    result = pdf_text([wrapped(STORY)], info=info)
    assert (result.title, result.author) == ("Council approves budget", "Jane Smith")
    assert result.published == datetime.date(2024, 3, 12)


@pytest.mark.parametrize(
    "title", ["Microsoft Word - budget3.docx", "Untitled-1", "Document1", "C:\\Work\\budget.doc"]
)
def test_pdf_junk_titles_are_not_headlines(title):
    assert pdf_text([wrapped(STORY)], info={"Title": title}).title is None


def test_pdf_title_that_is_the_file_name_is_not_a_headline():
    data = make_pdf(page_lines=[wrapped(STORY)], info={"Title": "council budget final"})
    assert ingest_file("council_budget_final.pdf", data, max_bytes=LIMIT).title is None


def test_pdf_placeholder_author_gives_way_to_the_byline():
    result = pdf_text([["By Jane Smith", *wrapped(STORY)]], info={"Author": "Administrator"})
    assert result.author == "Jane Smith"


def test_a_web_page_printed_to_pdf_is_not_dated_by_its_printing():
    info = {"CreationDate": "D:20240312093000Z", "Producer": "Skia/PDF m120"}
    assert pdf_text([wrapped(STORY)], info=info).published is None


def test_pdf_with_a_malformed_date_is_still_read():
    result = pdf_text([wrapped(STORY)], info={"CreationDate": "yesterday"})
    assert (result.text, result.published) == ("\n\n".join(STORY), None)


# --- text files and pasted text ----------------------------------------------------------------


def test_text_file_wrapped_at_72_columns_is_rejoined():
    data = "\n\n".join(textwrap.fill(paragraph, 72) for paragraph in STORY).encode()
    assert ingest_file("story.txt", data, max_bytes=LIMIT).text == "\n\n".join(STORY)


def test_pasted_text_copied_out_of_a_pdf_viewer_is_rejoined():
    pasted = "\n".join(wrapped(STORY, 70))
    assert ingest_text(pasted, max_bytes=LIMIT).text == "\n\n".join(STORY)


def test_one_paragraph_per_line_is_not_taken_for_wrapped_text():
    assert not looks_hard_wrapped(SEED.read_text())
    assert ingest_text("\n".join(STORY), max_bytes=LIMIT).text == "\n\n".join(STORY)


def test_a_list_of_short_lines_is_left_as_written():
    headlines = (
        "Bypass decision delayed again\nSaturday market moves\nRugby club promoted\nFire at school"
    )
    assert not looks_hard_wrapped(headlines)
    assert ingest_text(headlines, max_bytes=LIMIT).text == headlines.replace("\n", "\n\n")


def test_rejoin_keeps_blank_lines_as_paragraph_breaks():
    assert rejoin(["One short line.", "", "Another one."]) == "One short line.\n\nAnother one."


def test_reflow_pages_with_no_text_gives_nothing():
    assert reflow_pages(["", "  "]) == ""


@pytest.mark.parametrize(
    "dateline",
    ["Dunmore, June 3 - ", "DUNMORE (Reuters) — ", "DUNMORE — ", "Dunmore, Tuesday - "],
)
def test_a_headline_as_wide_as_the_text_ends_before_the_dateline(dateline):
    headline = "Council approves a 4.2 million pound budget after a long night of debate"
    lines = [headline, *wrapped([dateline + STORY[0], STORY[1]], width=len(headline))]
    paragraphs = rejoin(lines).split("\n\n")
    assert paragraphs[0] == headline
    assert paragraphs[1].startswith(dateline + "The city council approved")


def test_a_sentence_that_runs_into_a_capitalised_name_and_a_dash_is_not_cut():
    lines = wrapped(
        ["The budget was passed, said Peter Vance - the opposition leader - " + STORY[2]]
    )
    assert "\n\n" not in rejoin(lines)
