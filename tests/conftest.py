import pytest

from tests.utils import make_banner, make_cookie_policy_page, make_home_page


@pytest.fixture
def home(db):
    return make_home_page()


@pytest.fixture
def policy(home):
    """The published policy page and a live banner."""
    make_banner()
    return make_cookie_policy_page(home)
