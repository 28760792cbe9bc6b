"""The centre's programme directory travels like any record: to the laptops, with its history and chain."""

from __future__ import annotations

import datetime as dt

from db import chain
from db import programmes as repo
from desktop.services import programmes, sync
from tests.sync.conftest import exchange

TODAY = dt.date(2026, 12, 8)
ROW = {"name": "Crédito Crece", "institution": "Banco de ejemplo", "country": "SV", "family": "financiamiento",
       "email": "credito@example.org", "checked_on": "01/12/2026"}


def test_a_programme_kept_at_the_centre_reaches_the_laptops_and_an_edit_comes_back(devices, folder):
    a, _b, centre = devices
    added = programmes.add_programme(centre, ROW, None, today=TODAY)
    result = exchange(centre, a, folder)
    assert "programas del centro: 1 nuevos" in sync.records_summary(result).es
    [row] = programmes.programmes(a, TODAY)
    assert (row.programme.name, row.status) == ("Crédito Crece", "vigente")

    programmes.mark_checked(a, added["id"], None, today=dt.date(2027, 6, 1))
    exchange(a, centre, folder)
    assert repo.get_programme(centre, added["id"])["checked_on"] == "2027-06-01"
    assert chain.verify(centre.conn).ok and chain.verify(a.conn).ok
