"""The Belarusian catalogue: visitors see the plugin's own strings in Belarusian."""

import re
from pathlib import Path

from django.template.loader import render_to_string
from django.test import SimpleTestCase
from django.utils import translation

from cookie_policy import changes, rendering
from cookie_policy.forms import ConsentForm
from cookie_policy.templatetags.cookie_policy_tags import cookie_settings_link
from tests.utils import body, category

LOCALE = Path(__file__).resolve().parent.parent / "cookie_policy" / "locale"

# Source references whose strings visitors see: the banner, the settings page and its errors,
# the policy page and its version history, embeds, the settings link and the consent receipt.
VISITOR_SOURCES = re.compile(
    r"^(?:views|forms|changes|history|rendering)\.py:"
    r"|^templatetags/"
    r"|^templates/cookie_policy/(?:banner|consent_settings|cookie_policy_page|cookie_policy_versions)"
    r"\.html:"
    r"|^templates/cookie_policy/consent_receipt\.txt:"
    r"|^templates/cookie_policy/(?:blocks|includes)/"
)
# The only Latin words a Belarusian string may hold, besides placeholders, HTML tags and the
# names of parameters and hosts it copies from its msgid.
LATIN_WORDS = {"cookie", "Global", "Privacy", "Control"}


def kept_names(msgid):
    """Words of three or more letters a translation may copy: `site`, `locale`, `example`."""
    return {word for word in re.findall(r"[A-Za-z]{3,}", msgid) if word.islower()}


def read_po(language):
    """The entries of a catalogue as ``{msgid: (references, msgstr)}``, header left out."""
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")

    def joined(part):
        return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', part)).replace('\\"', '"')

    entries = {}
    for block in text.split("\n\n"):
        references = " ".join(
            line[3:] for line in block.splitlines() if line.startswith("#: ")
        ).split()
        code = "\n".join(line for line in block.splitlines() if not line.startswith("#"))
        if "msgid" not in code:
            continue
        msgid_part, msgstr_part = code.split("\nmsgstr", 1)
        msgid = joined(msgid_part)
        if msgid:
            entries[msgid] = (references, joined(msgstr_part))
    return entries


def visitor_facing(entries):
    return {
        msgid
        for msgid, (references, _msgstr) in entries.items()
        if any(VISITOR_SOURCES.match(ref) for ref in references)
    }


class CatalogueTests(SimpleTestCase):
    def setUp(self):
        self.ru = read_po("ru")
        self.be = read_po("be")

    def test_every_msgid_is_in_the_catalogue(self):
        """The Belarusian catalogue holds the same msgids as the Russian one."""
        self.assertEqual(set(self.be), set(self.ru))

    def test_visitor_facing_strings_are_translated(self):
        """Every string a visitor can see has a Belarusian translation."""
        wanted = visitor_facing(self.ru)
        self.assertGreater(len(wanted), 45)  # the selection really finds the visitors' strings
        self.assertIn("Your choice could not be recorded; try again later.", wanted)
        self.assertNotIn("consent records", wanted)
        missing = sorted(msgid for msgid in wanted if not self.be[msgid][1])
        self.assertEqual(missing, [])

    def test_translations_keep_placeholders_and_cyrillic_letters(self):
        """Placeholders survive; і and ў are Cyrillic; Latin only in names the msgid holds."""
        for msgid, (_references, msgstr) in self.be.items():
            if not msgstr:
                continue
            with self.subTest(msgid=msgid):
                # A set: a plural entry holds each placeholder once per form.
                self.assertEqual(
                    set(re.findall(r"%\(\w+\)s", msgstr)),
                    set(re.findall(r"%\(\w+\)s", msgid)),
                )
                prose = re.sub(r"%\(\w+\)s|<[^>]+>", " ", msgstr)
                latin = set(re.findall(r"[A-Za-z]+", prose))
                self.assertLessEqual(latin, LATIN_WORDS | kept_names(msgid))
                self.assertNotRegex(prose, "[ищъ]")  # Russian letters Belarusian does not use


class BelarusianStringsTests(SimpleTestCase):
    def test_cookie_settings_link(self):
        """The settings link tag reads «Налады файлаў cookie»."""
        with translation.override("be"):
            link = cookie_settings_link()
        self.assertIn(">Налады файлаў cookie</a>", link)

    def test_change_descriptions(self):
        """The version history describes changes in Belarusian."""
        necessary = category("necessary", "Строга неабходныя", ["csrftoken"], required=True)
        old = body(necessary)
        new = body(necessary, category("analytics", "Аналітычныя", ["_ga"]))
        with translation.override("be"):
            added = changes.describe_changes(old, new)
            removed = changes.describe_changes(new, old)
        self.assertEqual(added, ["Аналітычныя: катэгорыя дададзеная"])
        self.assertEqual(removed, ["Аналітычныя: катэгорыя выдаленая"])

    def test_gpc_note(self):
        """The Global Privacy Control note names the categories in a Belarusian sentence."""
        policy = {"categories": [{"key": "advertising", "title": "Рэкламныя"}]}
        with translation.override("be"):
            note = rendering.gpc_note(policy)
        self.assertEqual(
            note,
            "Ваш браўзер перадае сігнал Global Privacy Control, таму наступныя катэгорыі "
            "застаюцца адключанымі, пакуль вы самі не ўключыце іх тут: Рэкламныя.",
        )

    def test_stale_form_error(self):
        """A decision posted against an older policy version is refused in Belarusian."""
        policy = {"version": 3, "categories": [{"key": "analytics", "title": "Аналітычныя"}]}
        with translation.override("be"):
            form = ConsentForm({"choice": "all", "version": "2"}, policy=policy)
            errors = [str(message) for message in form.errors["version"]]
        self.assertEqual(
            errors,
            [
                "З моманту загрузкі гэтай старонкі Палітыка выкарыстання файлаў cookie "
                "змянілася. Абнавіце старонку."
            ],
        )

    def test_embed_placeholder(self):
        """A consent embed asks in Belarusian before it loads."""
        with translation.override("be"):
            html = render_to_string(
                "cookie_policy/includes/embed.html",
                {"src": "https://player.vimeo.com/video/1", "title": "Відэа", "category": "other"},
            )
        self.assertIn("Дазволіць адзін раз", html)
        self.assertIn("Дазваляць заўсёды", html)
        self.assertIn("файлы cookie трэціх бакоў", html)

    def test_other_languages_unchanged(self):
        """English and Russian still get their own text."""
        for language, text in [("en", "Cookie settings"), ("ru", "Настройки файлов cookie")]:
            with translation.override(language):
                self.assertIn(f">{text}</a>", cookie_settings_link())
