"""Each category's summary in the cookie settings is written whole, never cut mid-sentence."""

import pytest
from bs4 import BeautifulSoup

from cookie_policy.policy_data import SUMMARY_WORDS, summary
from tests.plugin.utils import codes, every_language, publish_bodies

pytestmark = pytest.mark.django_db

LONG = " ".join(f"Sentence number {n} has exactly seven words." for n in range(1, 9))


def test_the_editors_summary_is_used_as_written():
    category = {"summary": "  Counts visits.  ", "purpose": "<p>A long purpose. More.</p>"}
    assert summary(category) == "Counts visits."


def test_without_one_whole_sentences_of_the_purpose_up_to_the_limit():
    """Five 7-word sentences fit in 40 words; the sixth would not, so the summary stops there."""
    text = summary({"purpose": f"<p>{LONG}</p>"})
    assert text == ". ".join(LONG.split(". ")[:5]) + "."
    assert len(text.split()) <= SUMMARY_WORDS


def test_a_first_sentence_longer_than_the_limit_is_kept_whole():
    sentence = " ".join(["word"] * (SUMMARY_WORDS + 5)) + "."
    assert summary({"purpose": f"<p>{sentence} Second one.</p>"}) == sentence


def test_a_sentence_ending_in_a_closing_quote_ends_there():
    purpose = "<p>See «Managing cookies.» " + " ".join(["word"] * SUMMARY_WORDS) + ".</p>"
    assert summary({"purpose": purpose}) == "See «Managing cookies.»"


@pytest.mark.parametrize("code", codes())
def test_the_settings_show_each_summary_in_the_pages_language(policy, client, code):
    def summarise(language, found):
        for block in found:
            if block["type"] == "category":
                block["value"]["summary"] = f"{block['value']['key']} ({language})."
        return found

    publish_bodies(policy, every_language(summarise))
    html = BeautifulSoup(client.get(f"/{code}/cookie-policy/").text, "html.parser")
    about = [p.text for p in html.select("#cc-settings .cc-about")]
    assert about == [f"necessary ({code}).", f"analytics ({code})."]
