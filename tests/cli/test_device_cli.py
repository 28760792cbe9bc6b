"""``rumbo device``: this device's fingerprint and card, enrolling and revoking other devices.

Exit 0 on success; 2 with one sentence on stderr and nothing written when a card is bad,
the fingerprint is not confirmed, or the device to revoke is unknown.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from desktop.cli import main
from desktop.services import sync
from desktop.services.storage import open_database
from tests.sync.test_forgery import Unchanged

ROOT = Path(__file__).resolve().parents[2]


def _db(encrypted_db, tmp_path, name, device, role=None) -> Path:
    """A database set up with sign-in (as the command line requires), named ``device``."""
    path = encrypted_db(tmp_path / f"{name}.db", device_name=device)
    with open_database(path) as storage:
        if role:
            sync.set_device_role(storage, role)
    return path


def _fingerprint(path) -> str:
    with open_database(path) as storage:
        return sync.device_info(storage)["fingerprint"]


def test_show_prints_id_name_and_fingerprint(tmp_path, capsys, encrypted_db):
    db = _db(encrypted_db, tmp_path, "c", "Centro San Miguel", "centre")
    assert main(["--db", str(db), "device", "show"]) == 0
    with open_database(db) as storage:
        info = sync.device_info(storage)
    assert capsys.readouterr().out == (f"Centro San Miguel (centro), identificador {info['device_id']}.\n"
                                       f"Huella: {info['fingerprint']}\n")
    assert len(info["fingerprint"]) == 29 and info["fingerprint"].count(" ") == 5


def test_card_holds_public_keys_only_and_its_fingerprint(tmp_path, capsys, encrypted_db):
    db = _db(encrypted_db, tmp_path, "c", "Centro San Miguel", "centre")
    assert main(["--db", str(db), "device", "card", str(tmp_path / "centro.json")]) == 0
    out = capsys.readouterr().out
    card = json.loads((tmp_path / "centro.json").read_text(encoding="utf-8"))
    assert card["name"] == "Centro San Miguel" and card["role"] == "centre"
    assert card["fingerprint"] == _fingerprint(db) and f"Huella: {card['fingerprint']}" in out
    assert set(card) == {"format", "format_version", "device_id", "name", "role", "signing_key", "encryption_key",
                         "fingerprint"}
    with open_database(db) as storage:
        seed, secret = storage.conn.execute("SELECT signing_seed, encryption_secret FROM sync_keys").fetchone()
    text = (tmp_path / "centro.json").read_text(encoding="utf-8")
    assert bytes(seed).hex() not in text and bytes(secret).hex() not in text


def test_enrol_shows_the_fingerprint_and_asks_before_trusting(tmp_path, capsys, monkeypatch, encrypted_db):
    centre = _db(encrypted_db, tmp_path, "c", "Centro", "centre")
    laptop = _db(encrypted_db, tmp_path, "a", "Laptop Ana")
    main(["--db", str(laptop), "device", "card", str(tmp_path / "ana.json")])
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    with open_database(centre) as storage, Unchanged(storage):
        assert main(["--db", str(centre), "device", "enrol", str(tmp_path / "ana.json")]) == 2
    out, err = capsys.readouterr()
    assert f"Huella: {_fingerprint(laptop)}\n" in out and "[s/N]" in out
    assert err == "No se inscribió el equipo: la huella no se confirmó.\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO("s\n"))
    assert main(["--db", str(centre), "device", "enrol", str(tmp_path / "ana.json")]) == 0
    assert "«Laptop Ana» queda inscrito" in capsys.readouterr().out
    with open_database(centre) as storage:
        [enrolled] = sync.trusted_devices(storage)
    assert (enrolled.name, enrolled.fingerprint, enrolled.revoked_at) == ("Laptop Ana", _fingerprint(laptop), None)


def test_list_and_revoke(tmp_path, capsys, encrypted_db):
    centre = _db(encrypted_db, tmp_path, "c", "Centro", "centre")
    laptop = _db(encrypted_db, tmp_path, "a", "Laptop Ana")
    main(["--db", str(laptop), "device", "card", str(tmp_path / "ana.json")])
    assert main(["--db", str(centre), "device", "list"]) == 0
    assert capsys.readouterr().out.endswith("Todavía no hay ningún equipo inscrito.\n")
    main(["--db", str(centre), "device", "enrol", str(tmp_path / "ana.json"), "--yes"])
    capsys.readouterr()
    assert main(["--db", str(centre), "device", "list"]) == 0
    with open_database(laptop) as storage:
        laptop_id = storage.device_id
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{laptop_id}  Laptop Ana (laptop)  huella {_fingerprint(laptop)}  inscrito el ")
    assert main(["--db", str(centre), "device", "revoke", laptop_id]) == 0
    assert capsys.readouterr().out == ("«Laptop Ana» queda revocado: sus paquetes ya no se aceptarán y no se le "
                                       "escribirán más.\nSu acceso al servidor del centro, si lo tiene, sigue abierto "
                                       "porque este equipo no está conectado a un servidor del centro; el técnico lo "
                                       f"cierra con «rumbo centre revoke postgresql://… {laptop_id}».\n")
    main(["--db", str(centre), "device", "list"])
    assert "  revocado el " in capsys.readouterr().out
    assert main(["--db", str(centre), "device", "revoke", laptop_id]) == 2
    assert "ya estaba revocado desde el" in capsys.readouterr().err
    with open_database(centre) as storage, Unchanged(storage):
        assert main(["--db", str(centre), "device", "revoke", "Laptop Zeta"]) == 2
    assert capsys.readouterr().err == "No hay ningún equipo inscrito que se llame o identifique «Laptop Zeta».\n"


def test_an_altered_card_own_card_and_non_card_are_refused(tmp_path, capsys, monkeypatch, encrypted_db):
    centre = _db(encrypted_db, tmp_path, "c", "Centro", "centre")
    laptop = _db(encrypted_db, tmp_path, "a", "Laptop Ana")
    main(["--db", str(laptop), "device", "card", str(tmp_path / "ana.json")])
    main(["--db", str(centre), "device", "card", str(tmp_path / "centro.json")])
    card = json.loads((tmp_path / "ana.json").read_text(encoding="utf-8"))
    card["encryption_key"] = "00" * 32  # someone swaps the key the centre would seal to
    (tmp_path / "cambiada.json").write_text(json.dumps(card), encoding="utf-8")
    (tmp_path / "otra.json").write_text('{"hola": 1}', encoding="utf-8")
    capsys.readouterr()
    with open_database(centre) as storage, Unchanged(storage):
        assert main(["--db", str(centre), "device", "enrol", str(tmp_path / "cambiada.json"), "--yes"]) == 2
        assert capsys.readouterr().err == ("La huella escrita en la tarjeta «cambiada.json» no corresponde a sus "
                                           "claves: la tarjeta fue alterada o se dañó.\n")
        assert main(["--db", str(centre), "device", "enrol", str(tmp_path / "otra.json"), "--yes"]) == 2
        assert capsys.readouterr().err == "El archivo «otra.json» no es una tarjeta de equipo de Rumbo.\n"
        assert main(["--db", str(centre), "device", "enrol", str(tmp_path / "centro.json"), "--yes"]) == 2
        assert "la de este mismo equipo" in capsys.readouterr().err
        assert main(["--db", str(centre), "device", "enrol", str(tmp_path / "nada.json"), "--yes"]) == 2
        assert capsys.readouterr().err == "No se encontró la tarjeta de equipo «nada.json».\n"
    # Without its fingerprint, a swapped key is no longer caught by the file: only by the person
    # comparing screens, which is why enrol always shows it.
    del card["fingerprint"]
    (tmp_path / "sin-huella.json").write_text(json.dumps(card), encoding="utf-8")
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    assert main(["--db", str(centre), "device", "enrol", str(tmp_path / "sin-huella.json")]) == 2
    assert _fingerprint(laptop) not in capsys.readouterr().out


def test_the_whole_flow_in_real_subprocesses(tmp_path, encrypted_db):
    centre = _db(encrypted_db, tmp_path, "c", "Centro", "centre")
    laptop = _db(encrypted_db, tmp_path, "a", "Laptop Ana")

    def rumbo(db, *args, stdin=None):
        out = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args], input=stdin,
                             capture_output=True, text=True, cwd=ROOT)
        assert out.returncode == 0, out.stderr
        return out.stdout

    rumbo(centre, "device", "card", str(tmp_path / "centro.json"))
    rumbo(laptop, "device", "card", str(tmp_path / "ana.json"))
    assert _fingerprint(centre) in rumbo(laptop, "device", "enrol", str(tmp_path / "centro.json"), stdin="s\n")
    assert _fingerprint(laptop) in rumbo(centre, "device", "enrol", str(tmp_path / "ana.json"), stdin="sí\n")
    rumbo(laptop, "bundle", "export", str(tmp_path / "a.rumbo"))
    assert "Aplicado el paquete de Laptop Ana" in rumbo(centre, "bundle", "import", str(tmp_path / "a.rumbo"))
    rumbo(centre, "bundle", "export", str(tmp_path / "c.rumbo"), "--peer", "Laptop Ana")
    assert "Aplicado el paquete de Centro" in rumbo(laptop, "bundle", "import", str(tmp_path / "c.rumbo"))
