from django.db import migrations

# As Wagtail's own apps do for documents and images: its default groups can work with the
# banner. Editors write drafts; moderators also publish, lock and delete, as they do pages.
GRANTS = {
    "Editors": ["add", "change", "view"],
    "Moderators": ["add", "change", "view", "publish", "lock", "unlock", "delete"],
}


def grant_banner_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="cookie_policy", model="consentbanner"
    )
    for group in Group.objects.filter(name__in=GRANTS):
        for action in GRANTS[group.name]:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_consentbanner",
                defaults={"name": f"Can {action} consent banner"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("cookie_policy", "0001_initial"),
        # Wagtail's initial data creates the Editors and Moderators groups.
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(grant_banner_permissions, migrations.RunPython.noop),
    ]
