"""``rumbo backup OUT.db``, ``rumbo restore IN.db`` and ``rumbo check``."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.services.maintenance import (
    backup_database,
    break_sentence,
    check_database,
    finding_sentence,
    restore_database,
)
from desktop.services.registry.firms import count_firms
from desktop.services.storage import check_opening, default_database_path, open_database

TABLE_LABELS = {
    "firms": "Empresas", "advisers": "Asesores", "contacts": "Contactos", "assessments": "Evaluaciones",
    "answers": "Respuestas", "notes": "Notas", "settings": "Parámetros", "devices": "Equipos",
    "advisory_sessions": "Sesiones de asesoría", "plan_items": "Acciones del plan", "impact_milestones": "Hitos de impacto",
    "change_log": "Cambios registrados",
}


def register(subparsers) -> None:
    """Add the backup, restore and check subcommands."""
    p = subparsers.add_parser("backup", help="guardar una copia de seguridad de la base de datos")
    p.add_argument("out", metavar="SALIDA.db", help="archivo de la copia (no debe existir)")
    p.set_defaults(handler=run_backup)
    p = subparsers.add_parser("restore", help="reemplazar la base de datos por una copia de seguridad")
    p.add_argument("src", metavar="COPIA.db", help="copia de seguridad que se restaura")
    p.set_defaults(handler=run_restore)
    p = subparsers.add_parser("check", help="verificar la integridad de la base de datos")
    p.set_defaults(handler=run_check)


def _db_path(args) -> Path:
    return Path(args.db) if args.db else default_database_path()


def run_backup(args) -> int:
    with open_database(_db_path(args)) as storage:
        dest = backup_database(storage, args.out)
        firms = count_firms(storage)
    print(f"Copia de seguridad guardada en {dest} ({firms} empresas).")
    return 0


def run_restore(args) -> int:
    db_path = _db_path(args)
    check_opening(db_path)  # restore writes the file before opening it: the command line's guard first
    aside = restore_database(db_path, args.src)
    # Opening upgrades a backup made by an older version and proves it usable.
    with open_database(db_path) as storage:
        firms = count_firms(storage)
    print(f"Base de datos restaurada desde {args.src} ({firms} empresas).")
    if aside is not None:
        print(f"La base de datos anterior quedó guardada en {aside}.")
    return 0


def run_check(args) -> int:
    report = check_database(_db_path(args))
    print(f"Archivo: {_db_path(args)}")
    print("Integridad: " + ("correcta" if report.ok else "CON PROBLEMAS"))
    print(f"Versión del esquema: {report.schema_version} (esta aplicación usa la {report.app_schema_version})")
    for table, label in TABLE_LABELS.items():
        if table in report.counts:
            deleted = report.deleted.get(table)
            extra = f" ({deleted} eliminados)" if deleted else ""
            print(f"{label}: {report.counts[table]}{extra}")
    if not report.ok:
        for problem in report.problems[:20]:
            print(f"  {problem}")
        sys.stderr.write("La base de datos no pasó la verificación de integridad; restaure una copia de seguridad.\n")
        return 2
    history = report.history
    if history is not None:
        if history.ok:
            devices = "1 equipo" if history.origins == 1 else f"{history.origins} equipos"
            print(f"Historial: íntegro ({history.entries} cambios de {devices} verificados)")
        else:
            print("Historial: ALTERADO")
            for brk in history.breaks:
                print(f"  {break_sentence(brk)}")
            sys.stderr.write("El historial de cambios fue alterado; restaure una copia de seguridad anterior al "
                             "primer cambio señalado o consulte con el coordinador.\n")
            return 2
    audited = report.audit
    if audited is not None and not audited.ok:
        print("Coherencia con el historial: CON PROBLEMAS")
        for finding in audited.findings[:20]:
            print(f"  {finding_sentence(finding)}")
        if len(audited.findings) > 20:
            print(f"  … y {len(audited.findings) - 20} más.")
        sys.stderr.write("La base fue cambiada fuera de Rumbo o por quien no podía hacerlo; restaure una copia de "
                         "seguridad anterior o consulte con el coordinador.\n")
        return 2
    if report.schema_version > report.app_schema_version:
        sys.stderr.write(
            f"Este archivo fue creado por una versión más nueva de Rumbo (esquema {report.schema_version}); "
            "actualice la aplicación.\n")
        return 2
    return 0
