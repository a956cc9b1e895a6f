"""Interface strings of the course components, one table per language (Material's `theme.language`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "objectives": "Learning objectives",
        "objectives_intro": "By the end of this module you will be able to:",
        "knowledge_check": "Knowledge check",
        "sources": "Sources",
        "duration": "{minutes} minutes",
        "content_note": "Content note.",
        "last_changed": "Last changed {date}",
        "skip_to_check": "Skip to the knowledge check",
        "draft": "Draft: not yet legally reviewed.",
        "draft_detail": "The content was checked against its sources on {date}, but no named subject-matter reviewer has signed it off.",
        "reviewed": "Reviewed by {by} on {date}.",
        "review_due": "Next review due {date}.",
        "quiz_intro": "Practice, not a graded exam: check each answer as often as you like. Pass mark: {pass_mark}%.",
        "question_n": "Question {n} of {total}",
        "choose_one": "Choose one answer.",
        "choose_all": "Choose every correct answer.",
        "how_matching": "Choose the match for each item.",
        "how_ordering": "Put the items in the right order, first at the top.",
        "how_short": "Type your answer.",
        "choose": "Choose…",
        "move_up": "Move up",
        "move_down": "Move down",
        "your_answer": "Your answer",
        "check": "Check answer",
        "show_answer": "Show the answer and explanation",
        "answer": "Answer:",
        "feedback_on_options": "About the options",
        "explanation": "Explanation",
        "accessed": "Accessed {date}.",
        "source_n": "Source {n}",
        "contact_text": "text",
        "contact_checked": "Checked {date}.",
        "contact_source": "Source",
        "diagram_text": "Text description",
        "glossary": "Glossary",
        "glossary_intro": "Terms and abbreviations used in this course. Each module also writes an abbreviation out in full the first time it uses it.",
        "glossary_source": "Source",
        "content_checked": "**Content checked against its sources:** {checked}. Next review due: {due}.",
        "audience": "Who this course is for:",
        "time_to_complete": "Time to complete:",
        "about_hours": "about {hours} hours ({modules} modules)",
        "about_minutes": "about {minutes} minutes ({modules} modules)",
        "learning_path": "Learning path",
        "how_checks_work": "How the knowledge checks work",
        "how_checks_work_text": (
            "Each module ends with a knowledge check. It is practice, not a graded exam: choose your answers, "
            "select **{check}**, and read why each answer is right or wrong. You can change your answers and check "
            "again as often as you like. A module's check is passed at {pass_mark}% or more. The answers are in the "
            "page itself, so a score here records your own practice, not a proctored test."
        ),
        # Used by quiz.js (embedded as JSON):
        "js_correct": "Correct.",
        "js_incorrect": "Not quite.",
        "js_partly": "Not quite: a multiple-answer question counts only when every choice is right.",
        "js_empty": "Choose an answer first.",
        "js_empty_matching": "Choose a match for every item first.",
        "js_empty_short": "Type an answer first.",
        "js_moved": "{item}: now {position} of {total}.",
        "js_score": "Score: {right} of {total} questions right ({percent}%). Pass mark: {pass_mark}%.",
        "js_passed": "Passed.",
        "js_not_passed": "Not passed yet.",
    },
    "es": {
        "objectives": "Objetivos de aprendizaje",
        "objectives_intro": "Al terminar este módulo podrá:",
        "knowledge_check": "Comprobación de conocimientos",
        "sources": "Fuentes",
        "duration": "{minutes} minutos",
        "content_note": "Aviso de contenido.",
        "last_changed": "Última modificación: {date}",
        "skip_to_check": "Saltar a la comprobación de conocimientos",
        "draft": "Borrador: aún sin revisión jurídica.",
        "draft_detail": "El contenido se cotejó con sus fuentes el {date}, pero ningún revisor experto identificado lo ha aprobado.",
        "reviewed": "Revisado por {by} el {date}.",
        "review_due": "Próxima revisión: {date}.",
        "quiz_intro": "Práctica, no un examen calificado: compruebe cada respuesta tantas veces como quiera. Nota para aprobar: {pass_mark} %.",
        "question_n": "Pregunta {n} de {total}",
        "choose_one": "Elija una respuesta.",
        "choose_all": "Elija todas las respuestas correctas.",
        "how_matching": "Elija la pareja de cada elemento.",
        "how_ordering": "Ponga los elementos en el orden correcto, el primero arriba.",
        "how_short": "Escriba su respuesta.",
        "choose": "Elija…",
        "move_up": "Subir",
        "move_down": "Bajar",
        "your_answer": "Su respuesta",
        "check": "Comprobar respuesta",
        "show_answer": "Mostrar la respuesta y la explicación",
        "answer": "Respuesta:",
        "feedback_on_options": "Sobre las opciones",
        "explanation": "Explicación",
        "accessed": "Consultado el {date}.",
        "source_n": "Fuente {n}",
        "contact_text": "mensaje de texto",
        "contact_checked": "Comprobado el {date}.",
        "contact_source": "Fuente",
        "diagram_text": "Descripción en texto",
        "glossary": "Glosario",
        "glossary_intro": "Términos y abreviaturas del curso. Cada módulo escribe además una abreviatura completa la primera vez que la usa.",
        "glossary_source": "Fuente",
        "content_checked": "**Contenido cotejado con sus fuentes:** {checked}. Próxima revisión: {due}.",
        "audience": "A quién se dirige este curso:",
        "time_to_complete": "Duración:",
        "about_hours": "unas {hours} horas ({modules} módulos)",
        "about_minutes": "unos {minutes} minutos ({modules} módulos)",
        "learning_path": "Itinerario de aprendizaje",
        "how_checks_work": "Cómo funcionan las comprobaciones de conocimientos",
        "how_checks_work_text": (
            "Cada módulo termina con una comprobación de conocimientos. Es práctica, no un examen calificado: elija sus "
            "respuestas, seleccione **{check}** y lea por qué cada respuesta es correcta o no. Puede cambiar sus "
            "respuestas y comprobarlas tantas veces como quiera. La comprobación de un módulo se aprueba con un "
            "{pass_mark} % o más. Las respuestas están en la propia página, así que esta puntuación registra su "
            "práctica, no un examen supervisado."
        ),
        "js_correct": "Correcto.",
        "js_incorrect": "No del todo.",
        "js_partly": "No del todo: una pregunta de varias respuestas solo cuenta si todas las elecciones son correctas.",
        "js_empty": "Elija primero una respuesta.",
        "js_empty_matching": "Elija primero una pareja para cada elemento.",
        "js_empty_short": "Escriba primero una respuesta.",
        "js_moved": "{item}: ahora {position} de {total}.",
        "js_score": "Puntuación: {right} de {total} preguntas correctas ({percent} %). Nota para aprobar: {pass_mark} %.",
        "js_passed": "Aprobado.",
        "js_not_passed": "Aún no aprobado.",
    },
}


def strings_for(language: str) -> dict[str, str]:
    """The table for `language` (falling back to English key by key)."""
    base = STRINGS["en"]
    table = STRINGS.get(language.split("-")[0], {})
    return {key: table.get(key, value) for key, value in base.items()}
