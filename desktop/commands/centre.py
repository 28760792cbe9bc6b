"""``rumbo centre`` and ``rumbo sync``: the centre's PostgreSQL server (issue 17).

``centre init URL`` prepares an empty database (the technician's owner connection);
``centre status URL`` reports it; ``centre add URL --name`` adds a centre to a national
database; ``centre enrol URL [--centre | --national]`` gives this device its own login on
it (only the device's credentials are kept, in the encrypted database); ``centre import URL
FILE`` stores a bundle's changes on the server; ``centre revoke URL EQUIPO`` ends a device's
login; ``centre portfolio`` counts the portfolio on the server. ``sync`` pushes this device's
changes and pulls the others', with the bundles' merge rules.

The owner's URL need not carry the password (nor should it: the shell's history keeps it):
libpq reads ``PGPASSWORD``, and on a terminal the command asks for it when the server wants one.
"""

from __future__ import annotations

import datetime as dt
import getpass
import sys

from desktop.services import centre, centre_access, reporting
from desktop.services.advisers import current_adviser_id
from desktop.services.dashboard import DashboardFilter, build_dashboard
from desktop.services.storage import open_database


OWNER_URL = "conexión del propietario de la base, sin contraseña (se toma de PGPASSWORD o se pregunta); no se guarda"


def register(subparsers) -> None:
    parser = subparsers.add_parser("centre", help="el servidor PostgreSQL del centro",
                                   description="Prepara y consulta la base PostgreSQL del centro; inscribe este equipo.")
    actions = parser.add_subparsers(dest="centre_action", metavar="ACCIÓN", required=True)
    init = actions.add_parser("init", help="preparar una base PostgreSQL vacía (conexión del propietario)")
    init.add_argument("url", metavar="postgresql://…", help=OWNER_URL)
    init.add_argument("--name", metavar="NOMBRE", help="nombre del centro")
    init.set_defaults(handler=run_init)
    status = actions.add_parser("status", help="estado de la base del centro")
    status.add_argument("url", metavar="postgresql://…", help=OWNER_URL)
    status.set_defaults(handler=run_status)
    add = actions.add_parser("add", help="añadir un centro a la base nacional (conexión del propietario)")
    add.add_argument("url", metavar="postgresql://…", help=OWNER_URL)
    add.add_argument("--name", metavar="NOMBRE", required=True, help="nombre del centro")
    add.add_argument("--country", metavar="PAÍS", help="código ISO del país (SV, GT, …)")
    add.set_defaults(handler=run_add)
    enrol = actions.add_parser("enrol", help="dar a este equipo su propio acceso al servidor")
    enrol.add_argument("url", metavar="postgresql://…", help=OWNER_URL)
    scope = enrol.add_mutually_exclusive_group()
    scope.add_argument("--centre", metavar="NOMBRE", help="el centro de este equipo (el primero si se omite)")
    scope.add_argument("--national", action="store_true", help="coordinación nacional: ve todos los centros, no escribe")
    enrol.set_defaults(handler=run_enrol)
    bundle = actions.add_parser("import", help="guardar en el servidor los cambios de un paquete")
    bundle.add_argument("url", metavar="postgresql://…", help=OWNER_URL)
    bundle.add_argument("file", metavar="PAQUETE.rumbo")
    bundle.add_argument("--centre", metavar="NOMBRE",
                        help="centro de los equipos que el servidor aún no conoce (obligatorio si hay varios)")
    bundle.set_defaults(handler=run_import)
    revoke = actions.add_parser("revoke", help="cerrar el acceso de un equipo al servidor (conexión del propietario)")
    revoke.add_argument("url", metavar="postgresql://…", help=OWNER_URL)
    revoke.add_argument("device", metavar="EQUIPO", help="identificador o nombre del equipo en el servidor")
    revoke.set_defaults(handler=run_revoke)
    portfolio = actions.add_parser("portfolio", help="la cartera en el servidor, contada por el servidor")
    portfolio.add_argument("--by", choices=sorted(BY), default="centre", help="cómo agrupar las empresas")
    portfolio.add_argument("--centre", metavar="NOMBRE", help="solo este centro")
    portfolio.add_argument("--country", metavar="PAÍS", help="solo este país (código ISO)")
    portfolio.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, metavar="AAAA-MM-DD",
                           help="evaluaciones desde esta fecha")
    portfolio.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, metavar="AAAA-MM-DD",
                           help="evaluaciones hasta esta fecha")
    portfolio.add_argument("--pdf", metavar="ARCHIVO.pdf", help="además, el informe de cartera contado en el servidor")
    portfolio.set_defaults(handler=run_portfolio)
    twins = actions.add_parser("duplicates", help="empresas que parecen registradas en dos centros (vista nacional)")
    twins.set_defaults(handler=run_duplicates)
    register_report(actions)
    sync = subparsers.add_parser("sync", help="sincronizar ahora con el servidor del centro",
                                 description="Envía los cambios de este equipo al servidor del centro y trae los de los demás.")
    sync.set_defaults(handler=run_sync)


# --by -> the Tablero's chart ("adviser": the firms each adviser advised in the period, the caseload)
BY = {"centre": "by_centre", "country": "by_country", "size": "by_size", "stage": "by_stage", "band": "by_band",
      "sector": "by_sector", "department": "by_department", "month": "by_month", "adviser": "caseload"}


def _print_status(st) -> None:
    tls = "cifrada (TLS)" if st.tls else "sin cifrar (el servidor no ofrece TLS)"
    if st.version == 0:
        print(f"La base no está preparada; ejecute «rumbo centre init». Conexión {tls}.")
        return
    print(f"Centro: {st.centre_name} · esquema {st.version} de {st.latest} · conexión {tls}")
    print(f"Cambios guardados: {st.changes}; registros: "
          + (", ".join(f"{n} {t}" for t, n in st.records.items()) or "ninguno"))
    if len(st.centres) > 1:
        print("Centros: " + "; ".join(f"{c['name']} ({c['firms']} empresas)" for c in st.centres))
    for d in st.devices:
        state = " (revocado)" if d["revoked"] else ""
        where = "nacional" if d["scope"] == "national" else d["centre"]
        print(f"  {d['name']} · {where}{state}: {d['changes']} cambios, último {d['last_seq']}")


def as_owner(url: str, action):
    """Run ``action(url)`` with the technician's URL, asking for the owner's password once on a
    terminal when the server wants one and neither the URL nor PGPASSWORD gives it."""
    try:
        return action(url)
    except centre.OwnerPasswordNeeded:
        if sys.stdin is None or not sys.stdin.isatty():
            raise  # its sentence names PGPASSWORD
        password = getpass.getpass("Contraseña del propietario de la base (la del técnico): ")
        return action(centre.with_password(url, password))


def run_init(args) -> int:
    done, st = as_owner(args.url, lambda url: centre.init_centre(url, args.name))
    print(f"Migraciones aplicadas: {', '.join(done)}." if done else "La base ya estaba al día.")
    _print_status(st)
    return 0


def run_status(args) -> int:
    _print_status(as_owner(args.url, centre.centre_status))
    return 0


def run_add(args) -> int:
    _print_status(as_owner(args.url, lambda url: centre.add_centre(url, args.name, args.country)))
    return 0


def run_import(args) -> int:
    with open_database(args.db) as storage:
        total, new = as_owner(args.url, lambda url: centre.bundle_to_server(
            storage, url, args.file, current_adviser_id(storage), args.centre))
    print(f"El paquete traía {total} cambios; {new} eran nuevos para el servidor.")
    return 0


def run_portfolio(args) -> int:
    with open_database(args.db) as storage, centre.open_portfolio(storage) as source:
        centre_id = centre.visible_centre(source, args.centre) if args.centre else None
        f = DashboardFilter(date_from=args.date_from and args.date_from.isoformat(),
                            date_to=args.date_to and args.date_to.isoformat(), centre_id=centre_id,
                            country=args.country and args.country.upper())
        board = build_dashboard(source, f, charts={BY[args.by]})  # only the chart printed
        if args.pdf:
            title = args.centre or ("Cartera nacional" if len(board.centres) > 1 else
                                    (board.centres[0][1] if board.centres else ""))
            pdf = reporting.portfolio_report_pdf(storage, start=args.date_from, end=args.date_to, source=source,
                                                 centre_id=centre_id, title=title)
            reporting.write_atomically(args.pdf, pdf)
    print(f"Empresas en el servidor: {board.total_firms}")
    if args.by == "adviser":
        print(f"Empresas asesoradas por cada asesor(a) (sesiones del {board.advisory.start} al {board.advisory.end}):")
    rows = getattr(board, BY[args.by])
    width = max((len(r.label) for r in rows), default=0)
    for r in rows:
        print(f"  {r.label:<{width}}  {r.count:>9}")
    if args.pdf:
        print(f"Informe de cartera: {args.pdf}")
    return 0


def run_duplicates(args) -> int:
    with open_database(args.db) as storage, centre.open_portfolio(storage) as source:
        pairs = source.across_centres()
    if not pairs:
        print("No hay empresas que parezcan registradas en dos centros.")
        return 0
    why = {"tax_id": "mismo NIT / identificación", "name": "mismo nombre y municipio"}
    print(f"{len(pairs)} posibles empresas repetidas entre centros (decida en los centros cuál se queda):")
    for p in pairs:
        print(f"  «{p['first_name']}» ({p['first_centre']}) y «{p['second_name']}» ({p['second_centre']}): "
              f"{why[p['reason']]}")
    return 0


def run_enrol(args) -> int:
    with open_database(args.db) as storage:
        role = as_owner(args.url, lambda url: centre.enrol_device(
            storage, url, current_adviser_id(storage), centre_name=args.centre, national=args.national))
        print(f"Este equipo («{storage.device_name}») quedó inscrito en {centre.configured_server(storage)} "
              f"con su propio usuario ({role}).")
    return 0


def run_revoke(args) -> int:
    device = as_owner(args.url, lambda url: centre_access.revoke_on_server(url, args.device))
    where = f"centro {device.centre}" if device.centre else "coordinación nacional"
    if device.was_live:
        print(f"«{device.name}» ({where}) ya no puede entrar al servidor; sus conexiones abiertas se cerraron.")
    else:
        print(f"«{device.name}» ({where}) ya estaba revocado en el servidor; su acceso sigue cerrado.")
    return 0


def run_sync(args) -> int:
    with open_database(args.db) as storage:
        result = centre.sync_now(storage)
    print(result.sentence())
    return 0


# --- the funder report computed on the server (issue 37) ------------------------------------------


def register_report(actions) -> None:
    """``rumbo centre report funder``: the funder report of one centre or the nation, from the server's data."""
    from desktop.commands.report import funder_options

    report = actions.add_parser("report", help="informes contados en el servidor del centro")
    kinds = report.add_subparsers(dest="report_kind", metavar="INFORME", required=True)
    funder = kinds.add_parser("funder", help="informe para financiadores de un centro o de todo el país",
                              description="El informe para financiadores con los datos del servidor: un centro "
                                          "(--centre) o todos los que este equipo puede ver.")
    funder_options(funder, "solo este centro (sin él, todos los que este equipo ve: el suyo, o el país entero)")
    funder.add_argument("-o", "--output", required=True, metavar="ARCHIVO.pdf|ARCHIVO.xlsx")
    funder.set_defaults(handler=run_centre_funder)


def run_centre_funder(args) -> int:
    from desktop.commands.report import funder_period, print_funder
    from desktop.services import funder

    start, end = funder_period(args)  # before anything is opened: a bad period reaches no server
    with open_database(args.db) as storage, centre.open_portfolio(storage) as source:
        centre_id = centre.visible_centre(source, args.centre) if args.centre else None
        visible = source.centres()
        scope = (next(c["name"] for c in visible if c["id"] == centre_id) if centre_id else
                 visible[0]["name"] if len(visible) == 1 else "Todos los centros (nacional)")
        fig = funder.figures_for(source, start, end, args.programme, centre_id=centre_id)
        path = funder.write_report(storage, fig, args.output, scope=scope)
    print_funder(fig, path)
    return 0
