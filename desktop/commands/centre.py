"""``rumbo centre`` and ``rumbo sync``: the centre's PostgreSQL server (issue 17).

``centre init URL`` prepares an empty database (the technician's owner connection);
``centre status URL`` reports it; ``centre enrol URL`` gives this device its own login on
it (only the device's credentials are kept, in the encrypted database). ``sync`` pushes
this device's changes and pulls the others', with the bundles' merge rules.
"""

from __future__ import annotations

from desktop.services import centre
from desktop.services.advisers import current_adviser_id
from desktop.services.storage import open_database


def register(subparsers) -> None:
    parser = subparsers.add_parser("centre", help="el servidor PostgreSQL del centro",
                                   description="Prepara y consulta la base PostgreSQL del centro; inscribe este equipo.")
    actions = parser.add_subparsers(dest="centre_action", metavar="ACCIÓN", required=True)
    init = actions.add_parser("init", help="preparar una base PostgreSQL vacía (conexión del propietario)")
    init.add_argument("url", metavar="postgresql://…")
    init.add_argument("--name", metavar="NOMBRE", help="nombre del centro")
    init.set_defaults(handler=run_init)
    status = actions.add_parser("status", help="estado de la base del centro")
    status.add_argument("url", metavar="postgresql://…")
    status.set_defaults(handler=run_status)
    enrol = actions.add_parser("enrol", help="dar a este equipo su propio acceso al servidor")
    enrol.add_argument("url", metavar="postgresql://…", help="conexión del propietario de la base (no se guarda)")
    enrol.set_defaults(handler=run_enrol)
    sync = subparsers.add_parser("sync", help="sincronizar ahora con el servidor del centro",
                                 description="Envía los cambios de este equipo al servidor del centro y trae los de los demás.")
    sync.set_defaults(handler=run_sync)


def _print_status(st) -> None:
    tls = "cifrada (TLS)" if st.tls else "sin cifrar (el servidor no ofrece TLS)"
    if st.version == 0:
        print(f"La base no está preparada; ejecute «rumbo centre init». Conexión {tls}.")
        return
    print(f"Centro: {st.centre_name} · esquema {st.version} de {st.latest} · conexión {tls}")
    print(f"Cambios guardados: {st.changes}; registros: "
          + (", ".join(f"{n} {t}" for t, n in st.records.items()) or "ninguno"))
    for d in st.devices:
        state = " (revocado)" if d["revoked"] else ""
        print(f"  {d['name']}{state}: {d['changes']} cambios, último {d['last_seq']}")


def run_init(args) -> int:
    done, st = centre.init_centre(args.url, args.name)
    print(f"Migraciones aplicadas: {', '.join(done)}." if done else "La base ya estaba al día.")
    _print_status(st)
    return 0


def run_status(args) -> int:
    _print_status(centre.centre_status(args.url))
    return 0


def run_enrol(args) -> int:
    with open_database(args.db) as storage:
        role = centre.enrol_device(storage, args.url, current_adviser_id(storage))
        print(f"Este equipo («{storage.device_name}») quedó inscrito en {centre.configured_server(storage)} "
              f"con su propio usuario ({role}).")
    return 0


def run_sync(args) -> int:
    with open_database(args.db) as storage:
        result = centre.sync_now(storage)
    print(result.sentence())
    return 0
