"""``rumbo bundle``: field bundles between laptops and the centre.

``bundle export OUT.rumbo [--peer NAME]`` writes what the peer (default: the
centre) lacks; ``bundle import IN.rumbo [--preview]`` applies a bundle whole
or refuses it whole (exit 2, one sentence, nothing written). ``bundle device``
shows or sets this device's name and role; ``bundle history`` and
``bundle conflicts`` list what the Sincronización screen shows.
"""

from __future__ import annotations

import sys

from desktop.services import sync
from desktop.services.storage import open_database

_TABLES = {"firms": "empresas", "assessments": "evaluaciones", "answers": "respuestas", "contacts": "contactos",
           "notes": "notas", "advisers": "asesores", "settings": "parámetros"}


def register(subparsers) -> None:
    """Add the ``bundle`` subcommand and its actions."""
    parser = subparsers.add_parser(
        "bundle", help="paquetes de sincronización entre laptops y el centro",
        description="Exporta e importa paquetes (.rumbo) con los cambios hechos sin conexión.",
    )
    actions = parser.add_subparsers(dest="bundle_action", metavar="ACCIÓN", required=True)
    export = actions.add_parser("export", help="escribir los cambios que el otro equipo no tiene")
    export.add_argument("out", metavar="SALIDA.rumbo")
    export.add_argument("--peer", metavar="NOMBRE", help="equipo destino (por defecto, el centro)")
    export.set_defaults(handler=run_export)
    imp = actions.add_parser("import", help="aplicar un paquete recibido")
    imp.add_argument("path", metavar="ENTRADA.rumbo")
    imp.add_argument("--preview", action="store_true", help="solo mostrar qué haría, sin aplicar nada")
    imp.set_defaults(handler=run_import)
    device = actions.add_parser("device", help="ver o cambiar el nombre y el papel de este equipo")
    device.add_argument("--name", metavar="NOMBRE", help="nombre visible, p. ej. «Laptop Ana – San Miguel»")
    device.add_argument("--role", choices=("laptop", "centre"), help="papel de esta base de datos")
    device.set_defaults(handler=run_device)
    history = actions.add_parser("history", help="paquetes enviados y recibidos")
    history.set_defaults(handler=run_history)
    conflicts = actions.add_parser("conflicts", help="conflictos abiertos")
    conflicts.set_defaults(handler=run_conflicts)


def _counts(counts: dict[str, int]) -> str:
    parts = [f"{n} {_TABLES.get(t, t)}" for t, n in sorted(counts.items()) if n]
    return ", ".join(parts) if parts else "ninguno"


def run_export(args) -> int:
    with open_database(args.db) as storage:
        result = sync.export_bundle(storage, args.out, args.peer)
    target = result.peer_name or "el centro"
    print(f"Paquete escrito en {result.path} para {target}: {sync.records_summary(result).es} ({result.total} cambios).")
    return 0


def run_import(args) -> int:
    with open_database(args.db) as storage:
        if args.preview:
            result = sync.preview_bundle(storage, args.path)
        else:
            result = sync.import_bundle(storage, args.path)
    if result.already_imported:
        print(f"El paquete {result.file_name} ya se había importado; no se cambió nada.")
        return 0
    if result.empty:
        print(f"El paquete {result.file_name} no trae ningún cambio; no se registró nada.")
        return 0
    verb = "Se aplicaría" if args.preview else "Aplicado"
    print(f"{verb} el paquete de {result.source_name} ({result.total} cambios).")
    print(f"  {sync.records_summary(result).es}.")
    print(f"  Ya conocidos: {result.already_known}; conflictos: {result.conflicts_expected}.")
    if result.authority_refused:
        print(f"  {sync.AUTHORITY_NOTE.format(n=result.authority_refused)}")
    return 0


def run_device(args) -> int:
    with open_database(args.db) as storage:
        if args.name is not None:
            sync.set_device_name(storage, args.name)
        if args.role is not None:
            sync.set_device_role(storage, args.role)
        info = sync.device_info(storage)
    role = "centro" if info["role"] == "centre" else "laptop"
    print(f"{info['name']} ({role}), identificador {info['device_id']}.")
    return 0


def run_history(args) -> int:
    with open_database(args.db) as storage:
        rows = sync.bundle_history(storage)
    if not rows:
        print("Todavía no se ha enviado ni recibido ningún paquete.")
    for r in rows:
        way = "enviado a" if r.direction == "sent" else "recibido de"
        print(f"{r.recorded_at}  {r.file_name}  {way} {r.peer_name or 'el centro'}: {r.changes} cambios")
    return 0


def run_conflicts(args) -> int:
    with open_database(args.db) as storage:
        conflicts = sync.list_conflicts(storage)
    if not conflicts:
        print("No hay conflictos pendientes.")
    for c in conflicts:
        name = c.local.get("legal_name") or c.record_id
        what = "posible duplicado" if c.kind == "duplicate" else "cambios simultáneos"
        print(f"{c.id}  {_TABLES.get(c.table, c.table)}  {name}: {what} en {', '.join(c.fields) or '—'}")
    sys.stdout.flush()
    return 0
