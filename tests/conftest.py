import pytest

from tests.utils import make_cookie_policy_page, make_home_page


@pytest.fixture
def home(db):
    return make_home_page()


@pytest.fixture
def policy(home):
    return make_cookie_policy_page(home)
