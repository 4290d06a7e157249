from django.http import HttpResponse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cookie_policy.consent import new_consent_id
from cookie_policy.models import ConsentRecord


@csrf_exempt
@require_POST
def bare_insert(request):
    """The floor for the consent endpoint: one row into the same table, nothing checked."""
    ConsentRecord.objects.create(
        consent_id=new_consent_id(),
        language=get_language(),
        consent_version=1,
        granted=["necessary"],
        method=ConsentRecord.Method.ACCEPT_ALL,
    )
    return HttpResponse("ok")
