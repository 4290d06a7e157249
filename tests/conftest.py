import pytest


@pytest.fixture
def home(db):
    # Imported here: tests/plugin runs without the demo, whose builders import cms.
    from tests.utils import make_home_page

    return make_home_page()


@pytest.fixture
def policy(home):
    """The published policy page and a live banner."""
    from tests.utils import make_banner, make_cookie_policy_page

    make_banner()
    return make_cookie_policy_page(home)
