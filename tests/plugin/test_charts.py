"""Server-drawn SVG charts: well-formed, named for screen readers, CSP-safe, to scale."""

import xml.etree.ElementTree as ET

from django.test import SimpleTestCase

from cookie_policy import charts

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg):
    return ET.fromstring(str(svg))  # noqa: S314 (the charts' own output)


def series(*values_by_name):
    return [
        charts.Series(name, list(values), colour)
        for (name, values), colour in zip(
            values_by_name, charts.colours(len(values_by_name)), strict=True
        )
    ]


class ChartTests(SimpleTestCase):
    def test_an_image_named_by_its_title_and_description(self):
        """role=img, labelled by a <title> and a <desc> it holds: what screen readers announce."""
        root = parse(charts.columns("c1", "Decisions <per> day", ["1 Mar"], series(("a", [3]))))
        self.assertEqual(root.get("role"), "img")
        ids = root.get("aria-labelledby").split()
        self.assertEqual(ids, ["c1-title", "c1-desc"])
        self.assertEqual(root.find("svg:title", NS).text, "Decisions <per> day")
        self.assertEqual(root.find("svg:title", NS).get("id"), "c1-title")
        self.assertEqual(root.find("svg:desc", NS).get("id"), "c1-desc")

    def test_no_script_or_style_so_a_strict_csp_allows_it(self):
        """No <script>, <style>, style="" or on* attribute anywhere in either chart kind."""
        drawn = [
            charts.columns("c", "T", ["a", "b"], series(("x", [1, 2]), ("y", [0, 5])), [(1, "m")]),
            charts.bars("b", "T", ["en", "ru"], series(("x", [10, None])), 100),
        ]
        for svg in drawn:
            for element in parse(svg).iter():
                self.assertNotIn(element.tag.split("}")[1], ("script", "style", "foreignObject"))
                for name in element.attrib:
                    self.assertNotEqual(name, "style")
                    self.assertFalse(name.startswith("on"), name)

    def test_columns_stack_to_scale(self):
        """Each column's parts are as tall as their values; a zero draws nothing."""
        root = parse(
            charts.columns("c", "T", ["d1", "d2"], series(("x", [2, 0]), ("y", [2, 4])), height=200)
        )
        heights = [
            float(rect.get("height"))
            for rect in root.iter("{http://www.w3.org/2000/svg}rect")
            if rect.find("svg:title", NS) is not None
        ]
        # The scale tops at 5, the nice number above 4: 2 → 80 px, 4 → 160 px; x's 0 draws nothing.
        self.assertEqual(heights, [80.0, 80.0, 160.0])

    def test_each_part_says_what_it_is(self):
        """Hovering a part shows its period, series and value."""
        svg = str(charts.columns("c", "T", ["1 Mar"], series(("accept all", [7])), number=str))
        self.assertIn("<title>1 Mar: accept all, 7</title>", svg)

    def test_markers_cross_the_time_axis_at_their_position(self):
        """A publication half-way through the second period is drawn there, with its text."""
        root = parse(charts.columns("c", "T", ["a", "b"], series(("x", [1, 1])), [(1.5, "v2")]))
        (marker,) = root.iter("{http://www.w3.org/2000/svg}g")
        self.assertEqual(marker.find("svg:title", NS).text, "v2")
        step = (charts.WIDTH - charts.LEFT - charts.RIGHT) / 2
        self.assertAlmostEqual(
            float(marker.find("svg:line", NS).get("x1")), charts.LEFT + 1.5 * step, 1
        )

    def test_a_long_period_shows_a_readable_number_of_dates(self):
        """A year of days labels the axis every few days, not 365 overlapping dates."""
        labels = [f"day {n}" for n in range(365)]
        svg = str(charts.columns("c", "T", labels, series(("x", [1] * 365))))
        shown = [label for label in labels if f">{label}</text>" in svg]
        self.assertLess(len(shown), 10)
        self.assertEqual(shown[0], "day 0")

    def test_bars_are_to_scale_and_a_missing_value_says_so(self):
        """50 of 100 is half the plot; no value (no decisions) is a dash, not 0%."""
        root = parse(charts.bars("b", "T", ["en", "ru"], series(("rate", [50, None])), 100))
        rects = list(root.iter("{http://www.w3.org/2000/svg}rect"))
        plot = charts.WIDTH - charts.LEFT - charts.RIGHT - 60  # short labels: the usual margin
        self.assertEqual(float(rects[0].get("width")), plot / 2)
        self.assertEqual(float(rects[1].get("width")), 0)
        self.assertIn(
            "ru: rate, —", str(charts.bars("b", "T", ["ru"], series(("rate", [None])), 100))
        )

    def test_text_is_escaped(self):
        """A category title with markup stays text."""
        svg = str(charts.bars("b", "T", ["<script>x</script>"], series(("a&b", [1])), 100))
        self.assertNotIn("<script>", svg)
        self.assertIn("&lt;script&gt;", svg)
        parse(svg)

    def test_nice_ceilings(self):
        self.assertEqual(
            [charts.nice_ceiling(v) for v in (0, 1, 3, 7, 12, 480, 501)],
            [1, 1, 5, 10, 20, 500, 1000],
        )
