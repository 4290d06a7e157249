"""tests/consent_vectors.json and the arithmetic its entries need, for both sides' tests."""

import json
from pathlib import Path

from cookie_policy.consent import DAY

VECTORS = json.loads((Path(__file__).parent / "consent_vectors.json").read_text())
# The lifetimes the table's ages are measured in: refusals shorter than acceptances.
ACCEPT_DAYS, REJECT_DAYS = 182, 30


def age_seconds(age):
    """A vector's age: days, or 'accept'/'reject' plus or minus days."""
    if isinstance(age, str):
        base, sign, days = age.partition("+") if "+" in age else age.partition("-")
        lifetime = {"accept": ACCEPT_DAYS, "reject": REJECT_DAYS}[base]
        age = lifetime + (int(days) if sign == "+" else -int(days))
    return age * DAY


def cookie_value(vector, now, version):
    """A cookie vector's value for the live consent ``version`` at time ``now``."""
    return (
        vector["value"]
        .replace("{version}", str(version))
        .replace("{other_version}", str(version + 1))
        .replace("{time}", str(int(now - age_seconds(vector["age_days"]))))
    )
