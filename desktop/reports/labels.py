"""Every fixed word the reports print, in Spanish and English.

One small table so a translator sees all of it in one place. Domain codes
(size classes, bands, stages, profiles) are worded by the domain itself, so
the screens and the reports always say the same.
"""

from __future__ import annotations

from desktop.domain.assessment import LABELS as ASSESSMENT_LABELS
from desktop.domain.assessment import label as assessment_label
from desktop.domain.sizing import CLASS_LABELS, class_label

LABELS: dict[str, tuple[str, str]] = {
    # page furniture
    "page_x_of_y": ("Página {x} de {y}", "Page {x} of {y}"),
    "client_title": ("Informe de preparación para internacionalizar",
                     "Internationalization readiness report"),
    "portfolio_title": ("Informe de cartera", "Portfolio report"),
    "prepared_for": ("Preparado para", "Prepared for"),
    "adviser": ("Asesor(a)", "Adviser"),
    "date": ("Fecha", "Date"),
    "centre": ("Centro", "Centre"),
    "owner": ("Propietario(a)", "Owner"),
    "generated": ("Generado el {date}", "Generated on {date}"),
    # profile
    "profile": ("Perfil de la empresa", "Firm profile"),
    "legal_name": ("Razón social", "Legal name"),
    "trade_name": ("Nombre comercial", "Trade name"),
    "tax_id": ("Identificación tributaria", "Tax id"),
    "country": ("País", "Country"),
    "location": ("Ubicación", "Location"),
    "sector": ("Actividad (CIIU Rev. 4)", "Activity (ISIC Rev. 4)"),
    "year_founded": ("Año de fundación", "Year founded"),
    "employees": ("Personas empleadas", "Employees"),
    "employees_split": ("{total} ({women} mujeres, {men} hombres)", "{total} ({women} women, {men} men)"),
    "sales": ("Ventas anuales", "Annual sales"),
    "assets": ("Activos", "Assets"),
    "exports": ("Exportaciones anuales", "Annual exports"),
    "formal": ("Registro formal", "Formal registration"),
    "yes": ("Sí", "Yes"),
    "no": ("No", "No"),
    "unknown": ("No indicado", "Not given"),
    # classification
    "classification": ("Clasificación por tamaño", "Size classification"),
    "law_class": ("Según la ley vigente", "Under the law in force"),
    "study_class": ("Según la tabla del estudio (CEPAL, Cuadro 1)", "Under the study's table (ECLAC, Table 1)"),
    "law_applied": ("Ley aplicada", "Law applied"),
    "study_class_use": ("La evaluación y las comparaciones con el estudio usan esta clase.",
                        "The assessment and the comparisons with the study use this class."),
    "size_class": ("Tamaño", "Size"),
    "criterion": ("Criterio", "Criterion"),
    "value": ("Valor", "Value"),
    "gives": ("Clase que indica", "Class it gives"),
    "deciding_rule": ("Regla aplicada", "Rule applied"),
    "rulebook": ("Normativa aplicada", "Rules applied"),
    "identifiers": ("Identificadores", "Identifiers"),
    "money_units": ("Montos y topes en dólares de EE. UU. (unidades, no miles).",
                    "Amounts and ceilings in US dollars (whole dollars, not thousands)."),
    "app_version": ("Programa", "Software"),
    "ceiling": ("Tope de esa clase", "Ceiling of that class"),
    # readiness
    "readiness": ("Resumen de preparación", "Readiness summary"),
    "index": ("Índice de preparación", "Readiness index"),
    "index_short": ("Índice", "Index"),
    "band": ("Nivel", "Band"),
    "stage": ("Etapa de internacionalización", "Internationalization stage"),
    "firm_profile": ("Perfil empresarial", "Business profile"),
    "coverage": ("Cobertura", "Coverage"),
    "score": ("Puntaje", "Score"),
    "dimension": ("Dimensión", "Dimension"),
    "no_data": ("sin datos suficientes", "not enough data"),
    "not_applicable": ("no aplica", "not applicable"),
    "provisional": ("Resultado provisional: se respondió una parte pequeña del cuestionario.",
                    "Provisional result: only a small part of the questionnaire was answered."),
    "knock_out": ("Límite de nivel", "Band cap"),
    "knock_out_text": ("El nivel se limita a «{cap}»: {reason}", "The band is capped at “{cap}”: {reason}"),
    "strengths": ("Fortalezas", "Strengths"),
    "gaps": ("Brechas", "Gaps"),
    "strength_line": ("{dim}: {score} de 100.", "{dim}: {score} out of 100."),
    "gap_line": ("{dim}: {score} de 100; hay margen para mejorar.",
                 "{dim}: {score} out of 100; there is room to improve."),
    "nodata_line": ("{dim}: no hay respuestas suficientes para puntuar (cobertura {coverage}).",
                    "{dim}: not enough answers to score it (coverage {coverage})."),
    "no_strengths": ("Ninguna dimensión alcanza todavía {limit} puntos.",
                     "No dimension has reached {limit} points yet."),
    "no_gaps": ("Ninguna dimensión queda por debajo de {limit} puntos.",
                "No dimension is below {limit} points."),
    "radar_caption": ("Puntaje por dimensión (0 a 100).", "Score by dimension (0 to 100)."),
    "radar_previous": ("Evaluación anterior", "Previous assessment"),
    "radar_current": ("Evaluación actual", "Current assessment"),
    # recommendations
    "recommendations": ("Instrumentos de apoyo recomendados", "Recommended support instruments"),
    "reason": ("Por qué", "Why"),
    "programmes": ("Programas de referencia", "Example programmes"),
    "action_plan": ("Primeros pasos sugeridos", "Suggested first steps"),  # the followed plan is the summary's
    "no_recommendations": ("No hay recomendaciones para esta evaluación.",
                           "There are no recommendations for this assessment."),
    # instrument families, keyed by the catalogue's codes
    "family_financiamiento": ("Financiamiento", "Financing"),
    "family_innovacion": ("Innovación y modernización tecnológica", "Innovation and technological upgrading"),
    "family_articulacion": ("Articulación productiva y conglomerados", "Productive articulation and clusters"),
    "family_mercados": ("Acceso a mercados y promoción de exportaciones", "Market access and export promotion"),
    "family_condicion_previa": ("Antes de los instrumentos", "Before the instruments"),
    "triggers": ("Respuestas que lo motivan", "Answers behind it"),
    "study_basis": ("Lo que dice el estudio del instrumento", "What the study says of the instrument"),
    "level": ("Respaldo", "Backing"),
    "support_estudio_empareja": ("Dónde lo vincula el estudio", "Where the study pairs it"),
    "support_estudio_describe": ("Dónde lo describe el estudio", "Where the study describes it"),
    "levels_intro": ("Cada instrumento dice cuánto lo respalda el estudio: si lo vincula con este tipo de empresa, "
                     "si lo describe como útil ante una brecha que muestran las respuestas, o si es criterio del "
                     "centro y no del estudio.",
                     "Each instrument says how far the study backs it: whether the study pairs it with this kind of "
                     "firm, describes it as useful for a gap the answers show, or whether it is the centre's "
                     "criterion rather than the study's."),
    "why": ("Por qué internacionalizarse", "Why internationalize"),
    "why_intro": ("Las razones que da el estudio y que se ajustan a esta empresa, cada una con la frase del estudio; "
                  "después, los riesgos y costos que conviene prever.",
                  "The reasons the study gives that fit this firm, each with the study's phrase; then the risks "
                  "and costs to weigh."),
    "why_benefits": ("Lo que la empresa puede ganar", "What the firm can gain"),
    "why_risks": ("Riesgos y costos que conviene prever", "Risks and costs to weigh"),
    "to_ask": ("Para preguntar la próxima vez", "To ask next time"),
    "to_ask_intro": ("Estas dimensiones no tienen respuestas suficientes para puntuarse; no son brechas. "
                     "Preguntas pendientes:",
                     "These dimensions lack enough answers to be scored; they are not gaps. Questions still open:"),
    "incomplete": ("Evaluación incompleta", "Incomplete assessment"),
    "incomplete_text": ("Con {coverage} del cuestionario respondido no se calcula un índice ni una banda "
                        "(hace falta {needed}). Las recomendaciones se basan solo en lo respondido.",
                        "With {coverage} of the questionnaire answered no index or band is computed "
                        "({needed} is needed). The recommendations rest only on what was answered."),
    "profile_unknown": ("Sin determinar", "Unknown"),
    "figures": ("Otros datos del estudio que tocan a esta empresa", "Other facts of the study that concern this firm"),
    "method_parameters": ("Pesos, bandas y umbrales, y por qué", "Weights, bands and thresholds, and why"),
    "differentiation": ("Las recomendaciones parten del tipo de empresa, como pide el estudio: {basis}",
                        "The recommendations start from the kind of firm, as the study asks: {basis}"),
    # the one-page summary (page 1)
    "summary_title": ("Resumen: dónde está la empresa y qué hacer ahora",
                      "Summary: where the firm stands and what to do next"),
    "summary_where": ("Dónde está la empresa", "Where the firm stands"),
    "summary_index": ("Índice de preparación: {index} de 100, nivel «{band}».",
                      "Readiness index: {index} out of 100, band “{band}”."),
    "summary_no_index": ("Todavía no hay índice ni nivel: se respondió el {coverage} del cuestionario y hacen falta "
                         "más respuestas para calcularlos.",
                         "No index or band yet: {coverage} of the questionnaire was answered, and more answers are "
                         "needed to compute them."),
    "summary_no_assessment": ("Todavía no hay una evaluación completada: el primer paso es la entrevista de "
                              "preparación con su asesor(a).",
                              "There is no completed assessment yet: the first step is the readiness interview with "
                              "your adviser."),
    "summary_stage": ("Etapa: {stage}. Perfil: {profile}.", "Stage: {stage}. Profile: {profile}."),
    "summary_missing": ("Falta responder sobre: {dimensions}.", "Still to answer on: {dimensions}."),
    "summary_more": (" y {n} más", " and {n} more"),
    "summary_strengths": ("Sus fortalezas", "Its strengths"),
    "summary_actions": ("Las tres acciones que más importan", "The three actions that matter most"),
    "summary_next": ("Lo que sigue", "What comes next"),
    "summary_from_plan": ("Del plan de acción acordado con el centro.", "From the action plan agreed with the centre."),
    "summary_plan_done": ("Las acciones del plan están hechas o descartadas; acuerde las siguientes con su asesor(a).",
                          "The plan's actions are done or dropped; agree on the next ones with your adviser."),
    "summary_proposed": ("Propuestas a partir de las recomendaciones; el plan y sus fechas se acuerdan con su "
                         "asesor(a).",
                         "Proposed from the recommendations; the plan and its dates are agreed with your adviser."),
    "summary_complete_first": ("Primero, completar la evaluación con su asesor(a): con tan pocas respuestas no hay "
                               "recomendaciones.",
                               "First, complete the assessment with your adviser: with so few answers there are no "
                               "recommendations."),
    "summary_action": ("Acción", "Action"),
    "summary_signatures": ("Acordamos estas acciones", "We agree on these actions"),
    "summary_who": ("Quién", "Who"),
    "summary_when": ("Cuándo", "When"),
    "summary_first_step": ("Primer paso", "First step"),
    "owner_firm": ("La empresa", "The firm"),
    "owner_centre": ("El centro", "The centre"),
    "owner_centre_adviser": ("El centro ({adviser})", "The centre ({adviser})"),
    "due_by": ("Para el {date}", "By {date}"),
    "due_open": ("Fecha por acordar con su asesor(a)", "Date to agree with your adviser"),
    "summary_programmes": ("Programas para contactar primero", "Programmes to contact first"),
    "summary_for": ("Para: {action}", "For: {action}"),
    "summary_no_programme": ("El directorio del centro no tiene hoy un programa vigente para estas acciones.",
                             "The centre's directory has no current programme for these actions today."),
    "summary_detail": ("El detalle de cada punto está en las páginas siguientes: perfil, preparación, "
                       "recomendaciones y método.",
                       "The detail behind each point follows: profile, readiness, recommendations and methods."),
    # today's offer: the centre's directory, and the study's examples
    "centre_programmes": ("Programas vigentes del centro", "The centre's current programmes"),
    "directory_checked": ("Verificado con la institución el {date}.", "Checked with the institution on {date}."),
    "study_examples": ("Ejemplos que cita el estudio (CEPAL, 2013); no son la oferta de hoy",
                       "Examples the study cites (ECLAC, 2013); not today's offer"),
    "study_examples_years": ("Ejemplos que cita el estudio (CEPAL, 2013), con datos de {years}; no son la oferta de hoy",
                             "Examples the study cites (ECLAC, 2013), with data from {years}; not today's offer"),
    "ask_people_centre": ("Para conocer la oferta vigente, consulte a {people}, de la coordinación de {centre}.",
                          "For today's offer, ask {people}, of the coordination of {centre}."),
    "ask_people": ("Para conocer la oferta vigente, consulte a {people}, de la coordinación del centro.",
                   "For today's offer, ask {people}, of the centre's coordination."),
    "ask_centre": ("Para conocer la oferta vigente, consulte a la coordinación de {centre}.",
                   "For today's offer, ask the coordination of {centre}."),
    "ask_adviser": ("Para conocer la oferta vigente, consulte a su asesor(a), {adviser}.",
                    "For today's offer, ask your adviser, {adviser}."),
    "ask_nobody": ("Para conocer la oferta vigente, consulte a la coordinación de su centro de apoyo.",
                   "For today's offer, ask the coordination of your support centre."),
    "support_same": ("la misma cita que en «{title}»", "the same quote as in “{title}”"),
    "method_levels": ("Respaldo de cada recomendación", "Backing of each recommendation"),
    "method_examples": ("Los programas de referencia de cada recomendación son ejemplos que cita el estudio de la "
                        "CEPAL (2013){years}: describen la oferta de esos años, a menudo en otros países, y pueden "
                        "haber cambiado o desaparecido. La oferta de hoy es la del directorio del centro, que solo "
                        "muestra programas dentro de su vigencia y verificados con la institución en el último año. Una "
                        "recomendación sin ejemplos es una para la que el estudio no cita un programa que se ajuste al "
                        "país o al sector de la empresa.",
                        "The example programmes of each recommendation are examples the ECLAC study (2013) "
                        "cites{years}: they describe the offer of those years, often in other countries, and may have "
                        "changed or ended. Today's offer is the centre's directory, which shows only programmes "
                        "within their dates and checked with the institution in the last year. A recommendation without "
                        "examples is one for which the study cites no programme that fits the firm's country or sector."),
    "method_examples_years": (", con datos de fuentes de {years}", ", with data from sources of {years}"),
    # progress
    "progress": ("Avance desde la evaluación anterior", "Progress since the previous assessment"),
    "previous": ("Anterior", "Previous"),
    "current": ("Actual", "Current"),
    "change": ("Cambio", "Change"),
    "progress_intro": ("Comparación con la evaluación completada el {date}.",
                       "Compared with the assessment completed on {date}."),
    "band_moved": ("Nivel: de «{old}» a «{new}».", "Band: from “{old}” to “{new}”."),
    "stage_moved": ("Etapa: de «{old}» a «{new}».", "Stage: from “{old}” to “{new}”."),
    "other_questionnaire": ("Las dos evaluaciones usan versiones distintas del cuestionario; compare con cautela.",
                            "The two assessments use different questionnaire versions; compare with care."),
    # benchmarks
    "context": ("Contexto regional", "Regional context"),
    "exporting_firms": ("Empresas que exportan directa o indirectamente, por tamaño y región, 2009–2010 (% del total)",
                        "Firms exporting directly or indirectly, by size and region, 2009–2010 (% of all firms)"),
    "bench_firm_exports": ("Esta empresa exporta hoy: su tamaño la sitúa en la fila «{size}».",
                           "This firm exports today: its size puts it in the “{size}” row."),
    "bench_firm_no_exports": ("Esta empresa aún no exporta; en América Latina exporta el {share} de las empresas de tamaño «{size}».",
                              "This firm does not export yet; in Latin America {share} of “{size}” firms export."),
    "bench_micro": ("El cuadro no muestra microempresas; sirve como referencia de lo que logran las empresas un poco mayores.",
                    "The table does not show micro-firms; read it as what slightly larger firms achieve."),
    "source": ("Fuente", "Source"),
    "latin_america": ("América Latina", "Latin America"),
    "eastern_europe": ("Europa del Este", "Eastern Europe"),
    "east_asia": ("Asia Oriental", "East Asia"),
    # methods
    "methods": ("Método", "Methods"),
    "questionnaire": ("Cuestionario", "Questionnaire"),
    "version": ("versión", "version"),
    "catalog": ("Catálogo de instrumentos", "Instrument catalogue"),
    "document_share": ("Respuestas respaldadas por un documento", "Answers backed by a document"),
    "assessment_date": ("Fecha de la evaluación", "Assessment date"),
    "method_score": (
        "Cada pregunta aporta una parte de su peso según la respuesta (sí/no, nivel de madurez de 0 a 4, "
        "tramos numéricos u opciones). El puntaje de una dimensión es la proporción de puntos obtenidos sobre "
        "las preguntas respondidas y aplicables, de 0 a 100; «no sabe» y «prefiere no responder» no cuentan "
        "como cero sino que reducen la cobertura, y una dimensión con cobertura menor a {threshold} queda "
        "«sin datos suficientes». El índice es el promedio ponderado de las dimensiones con puntaje. "
        "Algunas respuestas (por ejemplo, no poder facturar legalmente) limitan el nivel sea cual sea el promedio.",
        "Each question earns part of its weight from the answer (yes/no, maturity level 0 to 4, numeric "
        "ranges or options). A dimension's score is the share of points earned over the answered, applicable "
        "questions, from 0 to 100; “don't know” and “prefer not to answer” are not zeros but lower the "
        "coverage, and a dimension with coverage below {threshold} is “not enough data”. The index is the "
        "weighted mean of the scored dimensions. Some answers (for example, not being able to invoice "
        "legally) cap the band whatever the average."),
    "method_bands": ("Niveles por índice: {bands}.", "Bands by index: {bands}."),
    "signatures": ("Firmas", "Signatures"),
    "signature_adviser": ("Asesor(a): {name}", "Adviser: {name}"),
    "signature_owner": ("Propietario(a) o representante: {name}", "Owner or representative: {name}"),
    "no_assessment": ("Esta empresa aún no tiene una evaluación completada; este informe muestra solo su perfil y su clasificación.",
                      "This firm has no completed assessment yet; this report shows only its profile and classification."),
    # portfolio
    "period": ("Período", "Period"),
    "advisers": ("Asesores", "Advisers"),
    "all_advisers": ("Todos", "All"),
    "firms": ("Empresas", "Firms"),
    "firms_total": ("Empresas en la cartera", "Firms in the portfolio"),
    "assessed_firms": ("Empresas evaluadas", "Firms assessed"),
    "assessments_total": ("Evaluaciones completadas", "Completed assessments"),
    "mean_index": ("Índice promedio", "Mean index"),
    "by_size": ("Empresas por tamaño", "Firms by size"),
    "by_sector": ("Empresas por sector (sección CIIU)", "Firms by sector (ISIC section)"),
    "by_country": ("Empresas por país", "Firms by country"),
    "by_department": ("Empresas por departamento", "Firms by department"),
    "by_band": ("Distribución por nivel", "Distribution by band"),
    "by_stage": ("Distribución por etapa", "Distribution by stage"),
    "common_gaps": ("Brechas más frecuentes", "Most common gaps"),
    "common_gaps_note": ("Número de empresas con puntaje menor a {limit} en la dimensión.",
                         "Number of firms scoring below {limit} in the dimension."),
    "by_adviser_month": ("Evaluaciones por asesor y mes", "Assessments by adviser and month"),
    "firm_table": ("Empresas de la cartera", "Firms in the portfolio"),
    "last_assessed": ("Última evaluación", "Last assessment"),
    "none": ("Sin datos", "No data"),
    "other": ("Otros", "Other"),
    "total": ("Total", "Total"),
    "count": ("Cantidad", "Count"),
    "month": ("Mes", "Month"),
    "firm": ("Empresa", "Firm"),
    "not_assessed": ("sin evaluar", "not assessed"),
    "firms_truncated": ("Se muestran {shown} de {total} empresas; la lista completa se obtiene con la exportación.",
                        "{shown} of {total} firms are shown; export the list to get all of them."),
}

def label(key: str, lang: str = "es") -> str:
    """Return the report wording for ``key`` in ``lang`` (Spanish by default).

    Raises:
        KeyError: an unknown key (a programming error, caught by the tests).
    """
    es, en = LABELS[key]
    return en if lang == "en" else es


# Kinds of assessment codes whose wording the domain owns (one source for the
# screens and the reports, so the two never drift apart).
_ASSESSMENT_KINDS = ("band", "stage", "profile")


def code_label(code: str | None, lang: str = "es", empty: str = "—") -> str:
    """Return the wording of a domain code (size class, band, stage, profile).

    The words come from the domain (``class_label`` and the assessment
    ``LABELS``); an unknown code comes back as it is.
    """
    if code is None:
        return empty
    if code in CLASS_LABELS:
        return class_label(code, lang)
    for kind in _ASSESSMENT_KINDS:
        if code in ASSESSMENT_LABELS[kind]:
            return assessment_label(kind, code, lang)
    return code

# ISIC Rev. 4 sections (short forms of the official titles).
ISIC_SECTIONS: dict[str, tuple[str, str]] = {
    "A": ("Agricultura, ganadería, silvicultura y pesca", "Agriculture, forestry and fishing"),
    "B": ("Explotación de minas y canteras", "Mining and quarrying"),
    "C": ("Industrias manufactureras", "Manufacturing"),
    "D": ("Electricidad, gas y vapor", "Electricity, gas and steam"),
    "E": ("Agua, saneamiento y desechos", "Water supply, sewerage and waste"),
    "F": ("Construcción", "Construction"),
    "G": ("Comercio; reparación de vehículos", "Trade; repair of motor vehicles"),
    "H": ("Transporte y almacenamiento", "Transportation and storage"),
    "I": ("Alojamiento y servicios de comidas", "Accommodation and food services"),
    "J": ("Información y comunicaciones", "Information and communication"),
    "K": ("Actividades financieras y de seguros", "Financial and insurance activities"),
    "L": ("Actividades inmobiliarias", "Real estate activities"),
    "M": ("Actividades profesionales, científicas y técnicas", "Professional, scientific and technical activities"),
    "N": ("Servicios administrativos y de apoyo", "Administrative and support services"),
    "O": ("Administración pública y defensa", "Public administration and defence"),
    "P": ("Enseñanza", "Education"),
    "Q": ("Salud humana y asistencia social", "Human health and social work"),
    "R": ("Artes, entretenimiento y recreación", "Arts, entertainment and recreation"),
    "S": ("Otras actividades de servicios", "Other service activities"),
    "T": ("Actividades de los hogares", "Activities of households"),
    "U": ("Organizaciones extraterritoriales", "Extraterritorial organizations"),
}
