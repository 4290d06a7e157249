from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every other language; no cookie is involved."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    # A page's own route below its URL (the policy's versions/) leads to the same route in
    # every language: route paths are not translated, slugs are.
    rest = ""
    if page is not None and getattr(page, "live", False) and request is not None:
        here = page.get_url(request) or ""
        if here and request.path.startswith(here):
            rest = request.path[len(here) :]
    links = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if page is not None and getattr(page, "live", False):
                url = (page.get_url(request) or f"/{code}/") + rest
            elif request is not None and request.path.startswith(f"/{current}/"):
                url = f"/{code}/{request.path[len(current) + 2 :]}"
            else:
                url = f"/{code}/"
            links.append(
                {
                    "code": code,
                    "name": translation.get_language_info(code)["name_local"],
                    "url": url,
                    "current": code == current,
                }
            )
    return {"links": links}
