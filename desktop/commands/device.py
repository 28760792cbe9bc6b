"""``rumbo device``: this device's keys, and the devices trusted for bundles.

``device show`` prints this device's id, name and fingerprint; ``device card
OUT.json`` writes its card for another device to enrol; ``device enrol CARD.json``
shows the card's fingerprint and, once confirmed (or with ``--yes``), trusts that
device; ``device list`` lists the enrolled devices; ``device revoke DEVICE`` stops
trusting one and ends its login on the centre's server (or says that it stays open
and how the technician ends it). Enrolling and revoking are recorded under the
adviser chosen on this device (and, once roles are in force, need a coordinator).
"""

from __future__ import annotations

import sys

from desktop.domain.errors import UserError
from desktop.services import sync
from desktop.services.storage import open_database

_ROLES = {"centre": "centro", "laptop": "laptop", None: "función desconocida"}


def register(subparsers) -> None:
    """Add the ``device`` subcommand and its actions."""
    parser = subparsers.add_parser(
        "device", help="claves de este equipo y equipos de confianza para los paquetes",
        description="Muestra la huella de este equipo, escribe su tarjeta e inscribe o revoca otros equipos.",
    )
    actions = parser.add_subparsers(dest="device_action", metavar="ACCIÓN", required=True)
    show = actions.add_parser("show", help="identificador, nombre y huella de este equipo")
    show.set_defaults(handler=run_show)
    card = actions.add_parser("card", help="escribir la tarjeta de este equipo para inscribirlo en otro")
    card.add_argument("out", metavar="SALIDA.json")
    card.set_defaults(handler=run_card)
    enrol = actions.add_parser("enrol", help="inscribir otro equipo a partir de su tarjeta")
    enrol.add_argument("card", metavar="TARJETA.json")
    enrol.add_argument("--yes", action="store_true", help="no preguntar: la huella ya se comprobó")
    enrol.set_defaults(handler=run_enrol)
    listing = actions.add_parser("list", help="equipos inscritos y su estado")
    listing.set_defaults(handler=run_list)
    revoke = actions.add_parser("revoke", help="dejar de confiar en un equipo inscrito y cerrar su acceso al servidor")
    revoke.add_argument("device", metavar="EQUIPO", help="identificador (o nombre, o huella) del equipo")
    revoke.set_defaults(handler=run_revoke)


def _acting_adviser(storage) -> str | None:
    from desktop.services import advisers

    return advisers.current_adviser_id(storage)


def run_show(args) -> int:
    with open_database(args.db) as storage:
        info = sync.device_info(storage)
    print(f"{info['name']} ({_ROLES.get(info['role'], info['role'])}), identificador {info['device_id']}.")
    print(f"Huella: {info['fingerprint']}")
    return 0


def run_card(args) -> int:
    with open_database(args.db) as storage:
        card = sync.save_device_card(storage, args.out)
    print(f"Tarjeta de «{card.name}» escrita en {args.out}.")
    print(f"Huella: {card.fingerprint}")
    print("Al inscribirla en el otro equipo, compruebe que allí se vea esta misma huella.")
    return 0


def _confirmed(card) -> bool:
    sys.stdout.write("¿Es la misma huella que muestra la pantalla de ese equipo? [s/N] ")
    sys.stdout.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("s", "si", "sí", "y", "yes")


def run_enrol(args) -> int:
    card = sync.read_device_card(args.card)
    print(f"Equipo: «{card.name}» ({_ROLES.get(card.role, card.role)}), identificador {card.device_id}.")
    print(f"Huella: {card.fingerprint}")
    if not args.yes and not _confirmed(card):
        raise UserError("No se inscribió el equipo: la huella no se confirmó.", field="card")
    with open_database(args.db) as storage:
        enrolled = sync.enrol_device(storage, card, _acting_adviser(storage))
    print(f"«{enrolled.name}» queda inscrito: sus paquetes se aceptarán aquí y se le podrán escribir paquetes.")
    return 0


def run_list(args) -> int:
    with open_database(args.db) as storage:
        devices = sync.trusted_devices(storage)
    if not devices:
        print("Todavía no hay ningún equipo inscrito.")
    for d in devices:
        state = f"revocado el {d.revoked_at[:10]}" if d.revoked else f"inscrito el {d.enrolled_at[:10]}"
        print(f"{d.device_id}  {d.name} ({_ROLES.get(d.role, d.role)})  huella {d.fingerprint}  {state}")
    return 0


def run_revoke(args) -> int:
    with open_database(args.db) as storage:
        revoked = sync.revoke_device(storage, args.device, _acting_adviser(storage))
    print(f"«{revoked.name}» queda revocado: sus paquetes ya no se aceptarán y no se le escribirán más.")
    print(revoked.server_note)
    return 0
