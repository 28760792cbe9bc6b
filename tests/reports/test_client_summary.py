"""Page 1 of the client report (issue 39), built from what the report already has, checked exactly."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

from desktop.domain.advisory.plan import PlanAction, proposed_actions
from desktop.domain.assessment import SIN_DATOS, Programme, Text
from desktop.domain.directory import check_programme, programme_from_row
from desktop.reports.client.data import Centre
from desktop.reports.client.offer import ask_sentence, examples_label, source_years
from desktop.reports.client.pdf import render_client_report
from tests.reports.conftest import pdf_pages, squash
from tests.reports.examples import RECOMMENDATIONS, RESULT, TODAY
from tests.reports.test_client_data import build

CENTRE_PROGRAMME = programme_from_row({"id": "p1", **check_programme(
    {"name": "Crédito Formal <hoy>", "institution": "Banco & Cía", "country": "SV", "family": "financiamiento",
     "contact_name": "Laura Méndez", "email": "credito@example.org", "checked_on": "01/11/2025"}, TODAY)})
PLAN = (PlanAction("Crédito para formalizarse", "empresa", "2026-01-30", "formalizacion", "i1"),
        PlanAction("Visitar la feria regional", "centro", None, None, "i2"),
        PlanAction("Apoyo a la certificación de calidad", "centro", "2026-03-31", "calidad", "i3"))


def test_the_summary_says_where_the_firm_stands_its_strengths_and_the_plans_three_actions():
    s = build(actions=PLAN, actions_from_plan=True).summary
    assert s.standing == ("Índice de preparación: 56,4 de 100, nivel «En desarrollo».",
                          "Etapa: Exportadora directa ocasional. Perfil: Proveedora vinculada a cadenas exportadoras.")
    assert s.missing == ""
    assert s.strengths == ("Conocimiento de mercados: 80,0 de 100.",
                           "Estrategia y planificación de mercados: 72,5 de 100.")
    assert [(a.number, a.title, a.who, a.when, a.first_step) for a in s.actions] == [
        (1, "Crédito para formalizarse", "La empresa", "Para el 30 de enero de 2026",
         "Reunir los documentos del registro."),
        (2, "Visitar la feria regional", "El centro (José Pérez)", "Fecha por acordar con su asesor(a)", ""),
        (3, "Apoyo a la certificación de calidad", "El centro (José Pérez)", "Para el 31 de marzo de 2026",
         "Elegir la norma de calidad."),
    ]
    assert s.actions_note == "Del plan de acción acordado con el centro."


def test_without_a_plan_the_actions_are_what_a_plan_would_hold_and_say_so():
    s = build(actions=proposed_actions(RECOMMENDATIONS)[:3]).summary
    assert [a.title for a in s.actions] == ["Crédito para formalizarse", "Apoyo a la certificación de calidad"]
    assert [a.who for a in s.actions] == ["La empresa", "El centro (José Pérez)"]  # financing is the firm's to do
    assert s.actions_note == ("Propuestas a partir de las recomendaciones; el plan y sus fechas se acuerdan con su "
                              "asesor(a).")


def test_an_english_report_says_the_plans_spanish_titles_in_english_when_they_are_the_instruments():
    s = build(lang="en", actions=PLAN, actions_from_plan=True).summary
    assert [a.title for a in s.actions] == ["Credit to formalise", "Visitar la feria regional",
                                            "Quality certification support"]
    assert s.actions[0].when == "By January 30, 2026" and s.actions[1].who == "The centre (José Pérez)"


def test_a_current_programme_of_the_centre_is_the_one_to_contact_and_comes_first_in_its_recommendation():
    data = build(actions=PLAN, actions_from_plan=True, directory={"formalizacion": (CENTRE_PROGRAMME,)})
    [p] = data.summary.programmes
    assert (p.name, p.institution, p.contact, p.for_action) == (
        "Crédito Formal <hoy>", "Banco & Cía", "Laura Méndez · credito@example.org", "Crédito para formalizarse")
    assert data.summary.ask == ""
    first, second = data.recommendations
    assert [c.name for c in first.centre_programmes] == ["Crédito Formal <hoy>"]
    assert first.centre_programmes[0].checked == "Verificado con la institución el 1 de noviembre de 2025."
    assert second.centre_programmes == ()
    assert data.ask == "Para conocer la oferta vigente, consulte a la coordinación de CDMYPE UNICAES."

    pages = [squash(t) for t in pdf_pages(render_client_report(data))]
    assert "Crédito Formal <hoy>" in pages[0] and "Laura Méndez · credito@example.org" in pages[0]
    body = " ".join(pages[1:])
    assert body.index("Programas vigentes del centro") < body.index("Ejemplos que cita el estudio (CEPAL, 2013)")


def test_with_no_current_programme_the_summary_says_whom_in_the_centre_to_ask():
    centre = Centre("CDMYPE Oriente", contacts=(("Carla Ruiz", "+50326601234"),))
    s = build(centre=centre, actions=PLAN, actions_from_plan=True).summary
    assert s.programmes == ()
    assert s.ask == ("El directorio del centro no tiene hoy un programa vigente para estas acciones. Para conocer la "
                     "oferta vigente, consulte a Carla Ruiz (+50326601234), de la coordinación de CDMYPE Oriente.")


def test_whom_to_ask_falls_back_to_the_coordination_then_the_adviser():
    assert ask_sentence("", (("Carla", ""),), "José", "es") == (
        "Para conocer la oferta vigente, consulte a Carla, de la coordinación del centro.")
    assert ask_sentence("", (), "José", "es") == "Para conocer la oferta vigente, consulte a su asesor(a), José."
    assert ask_sentence("", (), "", "en") == "For today's offer, ask the coordination of your support centre."


def test_an_incomplete_assessment_says_what_is_missing_and_lists_no_action_or_strength():
    thin = dataclasses.replace(RESULT, index=None, band=None, coverage=D("12.5"), parameters={"index_threshold": "0.5"},
                               dimensions=tuple(dataclasses.replace(d, score=None, status=SIN_DATOS)
                                                for d in RESULT.dimensions))
    s = build(result=thin, recommendations=()).summary
    assert s.standing[0] == ("Todavía no hay índice ni nivel: se respondió el 12,5\u00a0% del cuestionario y hacen "
                             "falta más respuestas para calcularlos.")
    assert s.missing == ("Falta responder sobre: Estrategia y planificación de mercados, Calidad y normas, Capacidad "
                         "financiera, Conocimiento de mercados, Redes y vinculación, Formalidad y situación legal.")
    assert (s.actions, s.strengths, s.ask) == ((), (), "")


def test_a_report_without_an_assessment_says_the_interview_comes_first():
    s = build(result=None, recommendations=(), previous=None, comparison=None).summary
    assert s.standing == ("Todavía no hay una evaluación completada: el primer paso es la entrevista de preparación "
                          "con su asesor(a).",)


def test_the_study_examples_say_they_are_the_studys_of_their_years_not_todays_offer():
    assert source_years(["Cuadro A.6 (CEPAL y otros, 2011)", "III.B nota 15 (Ferraro y Goldstein, 2011)",
                         "Cuadro A.2 (elaborado sobre la base de OCDE y CEPAL, 2012)", "Cuadro A.4"]) == "2011, 2012"
    assert examples_label(["Cuadro A.6 (CEPAL y otros, 2011)"], "es") == (
        "Ejemplos que cita el estudio (CEPAL, 2013), con datos de 2011; no son la oferta de hoy")
    assert examples_label(["Cuadro A.4"], "en") == "Examples the study cites (ECLAC, 2013); not today's offer"
    data = build()
    assert data.recommendations[0].examples_label.endswith("con datos de 2011; no son la oferta de hoy")


def test_methodology_notes_are_said_once_on_the_methods_page():
    shared = Programme("X", "Otro", ("SV",), "Inst", Text("r", "r"), "Cuadro A.6 (CEPAL y otros, 2011)")
    recs = tuple(dataclasses.replace(r, programmes=(shared,)) for r in RECOMMENDATIONS)
    data = build(recommendations=recs)
    pages = [squash(t) for t in pdf_pages(render_client_report(data))]
    levels = "Cada instrumento dice cuánto lo respalda el estudio"
    where = [n for n, text in enumerate(pages) if levels in text]
    assert len(where) == 1 and "Método" in pages[where[0]]
    assert sum(text.count("no cita un programa que se ajuste") for text in pages) == 1
    assert "ejemplos que cita el estudio de la CEPAL (2013), con datos de fuentes de 2011" in data.methods.examples


def test_a_full_summary_fits_on_page_one_and_the_actions_stay_there_when_it_overflows():
    contact = dict(contact_name="Coordinación de encadenamientos productivos", email="encadenamientos@example.org",
                   web="www.example.org/encadenamientos", checked_on="01/11/2025", country="SV",
                   family="financiamiento", institution="Institución nacional de fomento de ejemplo")
    name = "Encadenamientos productivos con empresas tractoras"
    directory = {"formalizacion": tuple(programme_from_row({"id": f"p{n}", **check_programme(
        {**contact, "name": f"{name} {n}"}, TODAY)}) for n in range(3))}
    steps = (Text("Reunir los documentos del registro y los estados financieros de los dos últimos años.", "-"),)
    recs = tuple(dataclasses.replace(r, steps=steps) for r in RECOMMENDATIONS)
    full = build(recommendations=recs, actions=PLAN, actions_from_plan=True, directory=directory,
                 adviser_name="María de los Ángeles Hernández de Rodríguez")
    first = squash(pdf_pages(render_client_report(full))[0])
    assert "El detalle de cada punto está en las páginas siguientes" in first and "Acordamos estas acciones" in first
    assert all(f"{name} {n}" in first for n in range(3))

    # Titles three times as long as the catalogue's: programmes and signatures may flow on, the actions may not.
    wordy = tuple(dataclasses.replace(a, title=a.title + " con acompañamiento del centro" * 3) for a in PLAN)
    crowded = dataclasses.replace(full, summary=build(recommendations=recs, actions=wordy, actions_from_plan=True,
                                                      directory=directory).summary)
    first = squash(pdf_pages(render_client_report(crowded))[0])
    assert all(a.title in first for a in crowded.summary.actions)
