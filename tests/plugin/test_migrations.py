"""Migrations meet the data sites already hold."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("cookie_policy", "0003_cookie_names_and_keys_validated")]
SITES = [("cookie_policy", "0004_sites")]


def migrate(targets):
    """Migrate to ``targets``; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_several_live_banners_leave_the_one_visitors_saw_live():
    """Before sites, the live banner with the lowest id served every site: it stays live, the
    others become drafts with their content, and the migration goes through."""
    banners = migrate(BEFORE).get_model("cookie_policy", "ConsentBanner")
    try:
        made = [
            banners.objects.create(name=name, live=True, has_unpublished_changes=False)
            for name in ("Shown", "Second", "Third")
        ]
        banners.objects.create(name="Draft", live=False)
        banners = migrate(SITES).get_model("cookie_policy", "ConsentBanner")
        assert list(banners.objects.filter(live=True).values_list("name", flat=True)) == ["Shown"]
        left = banners.objects.filter(pk__in=[b.pk for b in made[1:]])
        assert {(b.live, b.has_unpublished_changes) for b in left} == {(False, True)}
    finally:
        banners.objects.all().delete()
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
