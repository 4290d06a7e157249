"""The demo's statement (cms/content.py) says what the vendors' documentation says."""

import json

from cms import content

# name: (party, English duration, confirmed on the demo site), as cms/content.py cites them.
DECLARED = {
    "csrftoken": ("first", "1 year", True),
    "sessionid": ("first", "2 weeks", True),
    "cookie_consent": ("first", "6 months (182 days)", True),
    "django_language": ("first", "Until the browser is closed", True),
    "_ga": ("first", "2 years", True),
    "_ga_<container-id>": ("first", "2 years", False),
    "_gcl_au": ("first", "90 days", False),
    "IDE": ("third", "13 months in the EEA, the UK and Switzerland; 2 years elsewhere", False),
    "_fbp": ("first", "90 days", False),
    "YSC": ("third", "Until the browser is closed", False),
    "VISITOR_INFO1_LIVE": ("third", "6 months", False),
    "fr": ("third", "90 days", False),
}


def cookies():
    for block_type, value in content.POLICY["body"]:
        if block_type == "category":
            yield from value["cookies"]


def test_every_declaration_matches_the_vendors_documentation():
    """Party, lifetime and status of each shipped row; _gid (Universal Analytics) is gone."""
    found = {
        c["name"]: (c["party"], c["duration"]["en"], c.get("status", "confirmed") == "confirmed")
        for c in cookies()
    }
    assert found == DECLARED


def test_skype_is_no_contact_channel():
    """Microsoft retired Skype in May 2025."""
    text = json.dumps([content.HOME, content.HOME_BODY, content.POLICY, content.BANNER])
    assert "Skype" not in text


def test_youtube_rows_say_cookies_come_when_the_video_plays():
    """The embed is youtube-nocookie.com, which stores nothing before the video is played."""
    youtube = [c for c in cookies() if c["provider"]["en"] == "Google (YouTube)"]
    assert len(youtube) == 2
    for cookie in youtube:
        assert "when you play an embedded video" in cookie["purpose"]["en"]
        assert "когда вы запускаете встроенное видео" in cookie["purpose"]["ru"]
