"""``rumbo centre init|status|enrol`` and ``rumbo sync`` against a real server."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.centre.devices import secure_database, trust_each_other

pytestmark = pytest.mark.postgres


def test_a_technician_prepares_the_server_and_two_laptops_sync(tmp_path, pg_url, capsys, encrypted_db):
    assert main(["centre", "status", pg_url]) == 0
    assert "La base no está preparada" in capsys.readouterr().out
    assert main(["centre", "init", pg_url, "--name", "CDMYPE Santa Ana"]) == 0
    out = capsys.readouterr().out
    assert ("Migraciones aplicadas: 0001_store.sql, 0002_access.sql, 0003_centres.sql, 0004_portfolio.sql, "
            "0005_guards.sql, 0007_advisory.sql." in out and "Centro: CDMYPE Santa Ana" in out)
    paths = []
    for name in ("Laptop Ana", "Laptop Beto"):
        path = tmp_path / f"{name}.db"
        with secure_database(path, name) as storage:
            firms.register_firm(storage, {"legal_name": f"Empresa de {name}", "country": "SV"}, None)
        assert main(["--db", str(path), "centre", "enrol", pg_url]) == 0
        assert f"Este equipo («{name}») quedó inscrito" in capsys.readouterr().out
        paths.append(path)
    assert main(["--db", str(paths[0]), "sync"]) == 0  # the firm, and the administrator's record (2 changes)
    assert capsys.readouterr().out.strip() == "Enviados 3 cambios y recibidos 0."
    assert main(["--db", str(paths[1]), "sync"]) == 0
    assert capsys.readouterr().out.strip() == "Enviados 3 cambios y recibidos 3."
    with open_database(paths[1]) as storage:
        assert firms.count_firms(storage) == 2
    assert main(["centre", "status", pg_url]) == 0
    out = capsys.readouterr().out
    assert "Laptop Ana · CDMYPE Santa Ana: 3 cambios, último 3" in out and "2 firms" in out


def test_a_national_database_with_two_centres_a_bundle_and_the_portfolio(tmp_path, pg_url, capsys, encrypted_db):
    """The technician adds a centre, enrols laptops in each and the national coordinator, carries a
    field laptop's bundle to the server; the coordinator counts the country's portfolio there."""
    from desktop.services import sync

    assert main(["centre", "init", pg_url, "--name", "CDMYPE San Miguel"]) == 0
    assert main(["centre", "add", pg_url, "--name", "CDMYPE Santa Ana", "--country", "sv"]) == 0
    assert "Centros: CDMYPE San Miguel (0 empresas); CDMYPE Santa Ana (0 empresas)" in capsys.readouterr().out
    assert main(["centre", "add", pg_url, "--name", "cdmype santa ana"]) == 2
    assert "ya tiene un centro llamado «cdmype santa ana»" in capsys.readouterr().err
    assert main(["centre", "add", pg_url, "--name", "  "]) == 2
    assert capsys.readouterr().err.strip() == "Escriba el nombre del centro."
    assert main(["centre", "add", pg_url, "--name", "Otro", "--country", "ZZZ"]) == 2
    assert capsys.readouterr().err.strip() == "«ZZZ» no es un código de país de dos letras (por ejemplo SV, GT, HN)."
    assert main(["centre", "status", pg_url]) == 0
    assert "Otro" not in capsys.readouterr().out  # nothing written for the refused centres

    east, west, field, nation = (tmp_path / f"{n}.db" for n in ("east", "west", "field", "nation"))
    for path, name in ((west, "Coordinación Santa Ana"), (nation, "Coordinación nacional")):
        secure_database(path, name).close()
    with secure_database(east, "Laptop Oriente") as storage:
        for n in range(3):
            firms.register_firm(storage, {"legal_name": f"Oriente {n} <&> ☕", "country": "SV"}, None)
    assert main(["--db", str(east), "centre", "enrol", pg_url, "--centre", "CDMYPE San Miguel"]) == 0
    assert main(["--db", str(east), "sync"]) == 0
    assert main(["--db", str(west), "centre", "enrol", pg_url, "--centre", "CDMYPE Santa Ana"]) == 0
    assert main(["--db", str(nation), "centre", "enrol", pg_url, "--national"]) == 0
    assert main(["--db", str(nation), "centre", "enrol", pg_url, "--centre", "CDMYPE Chalatenango"]) == 2
    assert "no tiene el centro «CDMYPE Chalatenango»" in capsys.readouterr().err

    # A laptop that never sees the network: its bundle goes to the Santa Ana coordinator's desktop.
    with secure_database(field, "Laptop Campo") as f, open_database(west) as w:
        firms.register_firm(f, {"legal_name": "Hamacas del Campo", "country": "SV"}, None)
        firms.register_firm(f, {"legal_name": "Añil del Campo", "country": "SV"}, None)
        trust_each_other(f, w)
        sync.export_bundle(f, tmp_path / "campo.rumbo", peer=w.device_id)
    capsys.readouterr()
    assert main(["--db", str(west), "centre", "import", pg_url, str(tmp_path / "campo.rumbo"),
                 "--centre", "CDMYPE Santa Ana"]) == 0
    assert capsys.readouterr().out.strip() == "El paquete traía 4 cambios; 4 eran nuevos para el servidor."
    assert main(["--db", str(west), "centre", "import", pg_url, str(tmp_path / "campo.rumbo")]) == 0
    assert capsys.readouterr().out.strip() == "El paquete traía 4 cambios; 0 eran nuevos para el servidor."
    (tmp_path / "roto.rumbo").write_bytes(b"PK\x03\x04 not really")
    assert main(["--db", str(west), "centre", "import", pg_url, str(tmp_path / "roto.rumbo")]) == 2
    assert capsys.readouterr().err.strip()

    assert main(["--db", str(nation), "centre", "portfolio", "--by", "centre"]) == 0
    out = capsys.readouterr().out
    assert "Empresas en el servidor: 5" in out
    assert [line.split() [-1] for line in out.splitlines()[1:]] == ["3", "2"]
    assert "CDMYPE San Miguel" in out.splitlines()[1] and "CDMYPE Santa Ana" in out.splitlines()[2]
    assert main(["--db", str(nation), "centre", "portfolio", "--by", "band", "--centre", "cdmype santa ana"]) == 0
    out = capsys.readouterr().out
    assert "Empresas en el servidor: 2" in out and "Sin evaluar" in out
    assert main(["--db", str(nation), "centre", "portfolio", "--centre", "CDMYPE Chalatenango"]) == 2
    assert capsys.readouterr().err.strip() == "Este equipo no ve ningún centro llamado «CDMYPE Chalatenango» en el servidor."
    # The portfolio report (PDF) counted on the server, for the whole country.
    pdf = tmp_path / "cartera-nacional.pdf"
    assert main(["--db", str(nation), "centre", "portfolio", "--pdf", str(pdf)]) == 0
    assert f"Informe de cartera: {pdf}" in capsys.readouterr().out
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Cartera nacional" in text and "Oriente 2" in text and "Hamacas del Campo" in text
    # The Santa Ana desktop sees its own centre only, counted by the server.
    assert main(["--db", str(west), "centre", "portfolio", "--by", "size"]) == 0
    assert "Empresas en el servidor: 2" in capsys.readouterr().out


def test_sync_without_a_server_says_so(tmp_path, capsys, encrypted_db):
    path = encrypted_db(tmp_path / "x.db")
    assert main(["--db", str(path), "sync"]) == 2
    assert capsys.readouterr().err.strip() == ("Este equipo no tiene servidor del centro; inscríbalo con "
                                               "«rumbo centre enrol» o en Sincronización.")


def test_the_readme_setup_works_with_an_owner_that_is_not_a_superuser(pg_cluster, tmp_path, capsys, encrypted_db):
    """README: a CREATEROLE owner (not postgres) prepares the base and enrols a laptop."""
    import uuid

    import psycopg

    host, port, password = pg_cluster
    su = f"postgresql://postgres:{password}@{host}:{port}/postgres"
    tag = uuid.uuid4().hex[:8]
    owner, base = f"rumbo_admin_{tag}", f"rumbo_readme_{tag}"
    with psycopg.connect(su, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'cambie-esta-clave'")
        conn.execute(f"CREATE DATABASE {base} OWNER {owner}")
    url = f"postgresql://{owner}:cambie-esta-clave@{host}:{port}/{base}"
    try:
        assert main(["centre", "init", url, "--name", "CDMYPE San Miguel"]) == 0
        path = tmp_path / "ana.db"
        with secure_database(path, "Laptop Ana") as storage:
            firms.register_firm(storage, {"legal_name": "Café <Las> & Nubes 😀", "country": "SV"}, None)
        assert main(["--db", str(path), "centre", "enrol", url]) == 0
        assert main(["--db", str(path), "sync"]) == 0
        assert capsys.readouterr().out.strip().endswith("Enviados 3 cambios y recibidos 0.")
    finally:
        with psycopg.connect(su, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {base} WITH (FORCE)")
            for (role,) in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'rumbo\\_%%' "
                                        "AND rolname <> 'rumbo_device'").fetchall():
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')
