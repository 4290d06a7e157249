"""Turn the address of a video page into the address of its player."""

import re
from urllib.parse import urlsplit

YOUTUBE = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)"
    r"([A-Za-z0-9_-]{11})"
)
VIMEO = re.compile(r"^https?://(?:www\.)?vimeo\.com/(\d+)")


def embed_url(url):
    """The player URL for YouTube and Vimeo pages (YouTube's privacy-enhanced host); other
    https URLs are used as they are, anything else is refused with an empty string."""
    if match := YOUTUBE.match(url):
        return f"https://www.youtube-nocookie.com/embed/{match[1]}"
    if match := VIMEO.match(url):
        return f"https://player.vimeo.com/video/{match[1]}"
    return url if urlsplit(url).scheme == "https" else ""
