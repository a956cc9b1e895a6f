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
        "local_by": "Added by {agency}.",
        "credit": "**Credit:** {hours} hours ({agency}).",
        "credit_heading": "Training credit",
        "credit_hours": "Credit hours",
        "credit_course_number": "Course number",
        "credit_provider": "Provider",
        "credit_approving_body": "Approved by",
        "credit_approval_number": "Approval number",
        "scenario_intro": (
            "A practice scenario: at each step, choose what you would do. "
            "Each choice tells you why it helps or hurts, and where it leads."
        ),
        "scenario_step": "Step {n}: {gist}",
        "scenario_outcome": "Outcome {n}: {gist}",
        "scenario_continue": "Continue: {title}",
        "scenario_debrief": "Debrief",
        "scenario_restart": "Start the scenario again",
        "scenario_part_of": "Part of the module",
        "scenario_you_chose": "You chose:",
        "scenarios": "Practice scenarios",
        "print_intro": (
            "The whole course on one page, to print for a classroom binder. Knowledge checks print as worksheets; "
            "their answers and explanations follow in an appendix at the end, on a new sheet."
        ),
        "print_intro_instructor": (
            "The whole course on one page, to print for a classroom binder. "
            "Each question prints with its answer and explanation."
        ),
        "print_how_matching": "Write the letter of the matching answer in each blank.",
        "print_how_ordering": "Number the items in the right order: 1 for the first.",
        "print_how_short_answer": "Write your answer on the line.",
        "answers": "Answers",
        "answers_intro": "The answers and explanations of the knowledge checks, numbered as the questions.",
        "answers_module": "Answers: {title}",
        "instructor_banner": "Instructor edition: do not publish.",
        "instructor_banner_detail": (
            "This site holds the answer keys and the notes for instructors. Share it with instructors only."
        ),
        "skip_to_check": "Skip to the knowledge check",
        "draft": "Draft: not yet reviewed by a subject-matter expert.",
        "draft_detail": (
            "The content was checked against its sources on {date}, "
            "but no named subject-matter reviewer has signed it off."
        ),
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
        "diagram_scroll": "Wider than the screen: scroll the diagram sideways, or read its text description below.",
        "glossary": "Glossary",
        "glossary_intro": (
            "Terms and abbreviations used in this course. "
            "Each module also writes an abbreviation out in full the first time it uses it."
        ),
        "glossary_source": "Source",
        "glossary_source_of": "Source: {term}",
        "content_checked": "**Content checked against its sources:** {checked}. Next review due: {due}.",
        "audience": "Who this course is for:",
        "time_to_complete": "Time to complete:",
        "n_module": "{n} module|{n} modules",
        "n_question": "{n} question|{n} questions",
        "n_quiz": "{n} module quiz|{n} module quizzes",
        "n_scenario": "{n} branching scenario|{n} branching scenarios",
        "about_hours": "about {hours} hours ({modules})",
        "about_minutes": "about {minutes} minutes ({modules})",
        "learning_path": "Learning path",
        "how_checks_work": "How the knowledge checks work",
        "how_checks_work_text": (
            "Each module ends with a knowledge check. It is practice, not a graded exam: choose your answers, "
            "select **{check}**, and read why each answer is right or wrong. You can change your answers and check "
            "again as often as you like. A module's check is passed at {pass_mark}% or more. The answers are in the "
            "page itself, so a score here records your own practice, not a proctored test."
        ),
        "progress_title": "My progress",
        "progress_needs_js": "Your progress is kept in this browser, and this page needs JavaScript to show it.",
        "progress_unavailable": (
            "Progress cannot be saved in this browser (storage is blocked or full). The knowledge checks still work, "
            "but your answers are forgotten when you leave the page."
        ),
        "progress_caption": "Modules, your status and your best knowledge-check score",
        "progress_module": "Module",
        "progress_status": "Status",
        "progress_best": "Best score",
        "status_not_started": "Not started",
        "status_in_progress": "In progress",
        "status_passed": "Passed",
        "status_not_passed": "Not passed",
        "progress_saved": "Your saved progress",
        "progress_explain": (
            "Progress is kept only in this browser, on this computer: nothing is sent anywhere. "
            "Export it to a file to move it to another computer; forget it on a shared computer."
        ),
        "progress_explain_lms": (
            "Your learning management system keeps this progress with your record there, "
            "and receives the score and result of the final self-assessment."
        ),
        "scorm_open_site": "Open the course",
        "progress_export": "Export progress",
        "progress_import": "Import progress from a file",
        "progress_reset": "Reset progress",
        "progress_forget": "Forget me on this computer",
        "assessment_title": "Final self-assessment",
        "assessment_intro": (
            "{per_module} questions from each module's knowledge check, {total} in all, in a new random "
            "order each time. Pass mark: {pass_mark}%. Like the knowledge checks, this is a self-assessment: "
            "the answers are in the page, so it records your own practice, not a proctored test."
        ),
        "assessment_needs_js": (
            "This page needs JavaScript. You can practise with each module's knowledge check instead."
        ),
        "assessment_start": "Start the assessment",
        "assessment_submit": "Submit my answers",
        "certificate_title": "Certificate of completion",
        "certificate_not_yet": "A certificate is available once you pass the final self-assessment.",
        "certificate_name": "Your name, as it should appear (it is not saved)",
        "certificate_print": "Print the certificate",
        "certificate_kicker": "Record of completion",
        "certificate_completed": "completed the self-assessment of the course",
        "certificate_statement": (
            "This records a self-assessment completed in a web browser. "
            "It is not a proctored examination and does not certify competence or any qualification."
        ),
        "certificate_privacy": (
            "Nothing you type here is saved or sent anywhere: "
            "it stays on this page until you leave it. Type it again next time."
        ),
        "certificate_agency": "Agency (optional)",
        "certificate_badge": "Officer or badge number (optional)",
        "certificate_roster": "Download the result for a training roster:",
        "certificate_roster_json": "JSON file",
        "certificate_roster_csv": "CSV file",
        "certificate_roster_note": (
            "The file holds the course, version, date, score, whether you passed, and what you typed above. "
            "Hand it to your training office; this site keeps no copy."
        ),
        "certificate_credit": "Training credit",
        "js_certificate_badge": "Officer or badge number {badge}",
        "js_roster_saved": "The file {file} was downloaded.",
        "outline_kind": "Course outline",
        "outline_version": "version {version}",
        "outline_purpose": "Purpose",
        "outline_audience": "Audience",
        "outline_time": "Length",
        "outline_time_text": "{minutes} minutes (about {hours} hours) in {modules}, taken at the trainee's own pace.",
        "outline_assessment": "Assessment design",
        "outline_checks": (
            "Knowledge checks: {quizzes} with {questions} ({kinds}), scored right or wrong per question; "
            "pass mark {pass_mark}% unless a quiz sets its own. Feedback is immediate and trainees may try again."
        ),
        "outline_final": (
            "Final self-assessment: {per_module} drawn at random from each module's quiz ({total} in all), "
            "pass mark {pass_mark}%. Passing it unlocks the certificate of completion."
        ),
        "outline_scenarios": "Practice scenarios: {count} with feedback at every choice; not scored.",
        "outline_records": (
            "Records: in a learning management system, the SCORM package reports the final score, "
            "pass or fail and each answer; on the public website, results stay in the trainee's browser, "
            "and the trainee can download the result for a roster."
        ),
        "outline_review": "Review status",
        "outline_module": "Module",
        "outline_status": "Status",
        "outline_checked": "Checked against its sources on {date}.",
        "outline_modules": "Modules",
        "outline_objective": "Objective",
        "outline_assessed_by": "How it is assessed",
        "outline_by_quiz": "knowledge check and final self-assessment ({count})",
        "outline_by_scenario": "practice scenario",
        "outline_by_classroom": "in the classroom, by the instructor",
        "outline_key_points": "Key points",
        "outline_accessed": "(accessed {date})",
        "outline_type_single": "single choice",
        "outline_type_multiple": "multiple answers",
        "outline_type_true_false": "true or false",
        "outline_type_matching": "matching",
        "outline_type_ordering": "ordering",
        "outline_type_short_answer": "short answer",
        "nav_progress": "My progress",
        "nav_home": "Home",
        "nav_modules": "Modules",
        "nav_scenarios": "Scenarios",
        "nav_assessment": "Final self-assessment",
        "nav_certificate": "Certificate",
        "nav_print": "Print the whole course",
        "nav_instructor": "Instructor report",
        "nav_local": "Local information",
        # Used by quiz.js (embedded as JSON):
        "js_best_passed": "Your best score so far: {best}% (passed).",
        "js_best_not_passed": "Your best score so far: {best}% (not passed yet).",
        "js_practise": "Answer the questions again to practise.",
        "js_question_of": "Question {n} of {total}.",
        "js_result": "You answered {right} of {total} questions right ({percent}%). Pass mark: {pass_mark}%.",
        "js_result_one": "You answered {right} of 1 question right ({percent}%). Pass mark: {pass_mark}%.",
        "js_by_module": "By module",
        "js_review": "Review these objectives:",
        "js_certificate": "Print your certificate",
        "js_exported": "Your progress was saved to a file.",
        "js_imported": "Progress imported.",
        "js_import_failed": "That file is not a progress file of this course.",
        "js_reset_done": "Progress reset.",
        "js_forgot": "Everything this site saved in this browser has been removed.",
        "js_confirm_reset": "Reset your progress in this course?",
        "js_confirm_forget": "Remove everything this site saved in this browser?",
        "js_passed_mark": "passed",
        "js_lms_unavailable": (
            "Your learning management system did not accept your progress, so it may not be kept. "
            "The knowledge checks still work."
        ),
        "js_certificate_details": "Version {version} · {date} · score {score}%",
        "js_correct": "Correct.",
        "js_incorrect": "Not quite.",
        "js_partly": "Not quite: a multiple-answer question counts only when every choice is right.",
        "js_empty": "Choose an answer first.",
        "js_empty_matching": "Choose a match for every item first.",
        "js_empty_short": "Type an answer first.",
        "js_moved": "{item}: now {position} of {total}.",
        "js_score": "Score: {right} of {total} questions right ({percent}%). Pass mark: {pass_mark}%.",
        "js_score_one": "Score: {right} of 1 question right ({percent}%). Pass mark: {pass_mark}%.",
        "js_unanswered": "Not answered.",
        "js_wrong_pairs": "These matches are wrong:",
        "js_wrong_places": "These items are in the wrong place:",
        "js_confirm_restart": "Start again with new questions? Your answers in this attempt will be lost.",
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
        "local_by": "Añadido por {agency}.",
        "credit": "**Créditos:** {hours} horas ({agency}).",
        "credit_heading": "Créditos de formación",
        "credit_hours": "Horas de crédito",
        "credit_course_number": "Número del curso",
        "credit_provider": "Impartido por",
        "credit_approving_body": "Aprobado por",
        "credit_approval_number": "Número de aprobación",
        "scenario_intro": (
            "Un escenario de práctica: en cada paso, elija lo que haría. "
            "Cada opción explica por qué ayuda o perjudica, y adónde lleva."
        ),
        "scenario_step": "Paso {n}: {gist}",
        "scenario_outcome": "Resultado {n}: {gist}",
        "scenario_continue": "Continuar: {title}",
        "scenario_debrief": "Análisis",
        "scenario_restart": "Empezar el escenario de nuevo",
        "scenario_part_of": "Parte del módulo",
        "scenario_you_chose": "Usted eligió:",
        "scenarios": "Escenarios de práctica",
        "print_intro": (
            "Todo el curso en una sola página, para imprimir y archivar en clase. Las comprobaciones se imprimen como "
            "hojas de trabajo; sus respuestas y explicaciones van en un apéndice al final, en una hoja aparte."
        ),
        "print_intro_instructor": (
            "Todo el curso en una sola página, para imprimir y archivar en clase. "
            "Cada pregunta se imprime con su respuesta y su explicación."
        ),
        "print_how_matching": "Escriba en cada espacio la letra de la respuesta que corresponde.",
        "print_how_ordering": "Numere los elementos en el orden correcto: 1 para el primero.",
        "print_how_short_answer": "Escriba su respuesta en la línea.",
        "answers": "Respuestas",
        "answers_intro": "Las respuestas y explicaciones de las comprobaciones, numeradas como las preguntas.",
        "answers_module": "Respuestas: {title}",
        "instructor_banner": "Edición para instructores: no publicar.",
        "instructor_banner_detail": (
            "Este sitio contiene las respuestas y las notas para instructores. Compártalo solo con instructores."
        ),
        "skip_to_check": "Saltar a la comprobación de conocimientos",
        "draft": "Borrador: aún sin revisión de un experto en la materia.",
        "draft_detail": (
            "El contenido se cotejó con sus fuentes el {date}, "
            "pero ningún revisor experto identificado lo ha aprobado."
        ),
        "reviewed": "Revisado por {by} el {date}.",
        "review_due": "Próxima revisión: {date}.",
        "quiz_intro": (
            "Práctica, no un examen calificado: compruebe cada respuesta tantas veces como quiera. "
            "Nota para aprobar: {pass_mark} %."
        ),
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
        "diagram_scroll": (
            "Más ancho que la pantalla: desplace el diagrama hacia los lados, "
            "o lea su descripción en texto más abajo."
        ),
        "glossary": "Glosario",
        "glossary_intro": (
            "Términos y abreviaturas del curso. "
            "Cada módulo escribe además una abreviatura completa la primera vez que la usa."
        ),
        "glossary_source": "Fuente",
        "glossary_source_of": "Fuente: {term}",
        "content_checked": "**Contenido cotejado con sus fuentes:** {checked}. Próxima revisión: {due}.",
        "audience": "A quién se dirige este curso:",
        "time_to_complete": "Duración:",
        "n_module": "{n} módulo|{n} módulos",
        "n_question": "{n} pregunta|{n} preguntas",
        "n_quiz": "{n} cuestionario de módulo|{n} cuestionarios de módulo",
        "n_scenario": "{n} escenario ramificado|{n} escenarios ramificados",
        "about_hours": "unas {hours} horas ({modules})",
        "about_minutes": "unos {minutes} minutos ({modules})",
        "learning_path": "Itinerario de aprendizaje",
        "how_checks_work": "Cómo funcionan las comprobaciones de conocimientos",
        "how_checks_work_text": (
            "Cada módulo termina con una comprobación de conocimientos. Es práctica, no un examen calificado: "
            "elija sus respuestas, seleccione **{check}** y lea por qué cada respuesta es correcta o no. "
            "Puede cambiar sus respuestas y comprobarlas tantas veces como quiera. "
            "La comprobación de un módulo se aprueba con un {pass_mark} % o más. "
            "Las respuestas están en la propia página, así que esta puntuación registra su práctica, "
            "no un examen supervisado."
        ),
        "progress_title": "Mi progreso",
        "progress_needs_js": (
            "Su progreso se guarda en este navegador, y esta página necesita JavaScript para mostrarlo."
        ),
        "progress_unavailable": (
            "No se puede guardar el progreso en este navegador (el almacenamiento está bloqueado o lleno). "
            "Las comprobaciones funcionan, pero sus respuestas se olvidan al salir de la página."
        ),
        "progress_caption": "Módulos, su estado y su mejor puntuación",
        "progress_module": "Módulo",
        "progress_status": "Estado",
        "progress_best": "Mejor puntuación",
        "status_not_started": "Sin empezar",
        "status_in_progress": "En curso",
        "status_passed": "Aprobado",
        "status_not_passed": "No aprobado",
        "progress_saved": "Su progreso guardado",
        "progress_explain": (
            "El progreso se guarda solo en este navegador, en este equipo: no se envía a ninguna parte. "
            "Expórtelo a un archivo para llevarlo a otro equipo; bórrelo en un equipo compartido."
        ),
        "progress_explain_lms": (
            "Su plataforma de formación guarda este progreso con su expediente y recibe la puntuación y el resultado "
            "de la autoevaluación final."
        ),
        "scorm_open_site": "Abrir el curso",
        "progress_export": "Exportar el progreso",
        "progress_import": "Importar el progreso desde un archivo",
        "progress_reset": "Reiniciar el progreso",
        "progress_forget": "Olvidarme en este equipo",
        "assessment_title": "Autoevaluación final",
        "assessment_intro": (
            "{per_module} preguntas de la comprobación de cada módulo, {total} en total, en un orden aleatorio "
            "nuevo cada vez. Nota para aprobar: {pass_mark} %. Como las comprobaciones, es una autoevaluación: "
            "las respuestas están en la página, así que registra su práctica, no un examen supervisado."
        ),
        "assessment_needs_js": (
            "Esta página necesita JavaScript. Puede practicar con la comprobación de cada módulo."
        ),
        "assessment_start": "Empezar la evaluación",
        "assessment_submit": "Enviar mis respuestas",
        "certificate_title": "Certificado de finalización",
        "certificate_not_yet": "El certificado está disponible cuando apruebe la autoevaluación final.",
        "certificate_name": "Su nombre, tal como debe aparecer (no se guarda)",
        "certificate_print": "Imprimir el certificado",
        "certificate_kicker": "Constancia de finalización",
        "certificate_completed": "completó la autoevaluación del curso",
        "certificate_statement": (
            "Esto registra una autoevaluación hecha en un navegador. "
            "No es un examen supervisado ni certifica competencias ni ninguna cualificación."
        ),
        "certificate_privacy": (
            "Nada de lo que escriba aquí se guarda ni se envía: se queda en esta página hasta que salga de ella. "
            "Escríbalo de nuevo la próxima vez."
        ),
        "certificate_agency": "Agencia (opcional)",
        "certificate_badge": "Número de agente o de placa (opcional)",
        "certificate_roster": "Descargue el resultado para un registro de formación:",
        "certificate_roster_json": "Archivo JSON",
        "certificate_roster_csv": "Archivo CSV",
        "certificate_roster_note": (
            "El archivo contiene el curso, la versión, la fecha, la puntuación, si aprobó y lo que escribió "
            "arriba. Entréguelo a su oficina de formación; este sitio no guarda ninguna copia."
        ),
        "certificate_credit": "Créditos de formación",
        "js_certificate_badge": "Número de agente o de placa {badge}",
        "js_roster_saved": "Se descargó el archivo {file}.",
        "outline_kind": "Programa del curso",
        "outline_version": "versión {version}",
        "outline_purpose": "Propósito",
        "outline_audience": "Destinatarios",
        "outline_time": "Duración",
        "outline_time_text": "{minutes} minutos (unas {hours} horas) en {modules}, al ritmo de cada participante.",
        "outline_assessment": "Diseño de la evaluación",
        "outline_checks": (
            "Comprobaciones: {quizzes} con {questions} ({kinds}), cada pregunta correcta o incorrecta; "
            "nota para aprobar {pass_mark} % salvo que un cuestionario fije la suya. "
            "La respuesta es inmediata y se puede volver a intentar."
        ),
        "outline_final": (
            "Autoevaluación final: {per_module} al azar del cuestionario de cada módulo ({total} en total), "
            "nota para aprobar {pass_mark} %. Al aprobarla se obtiene el certificado de finalización."
        ),
        "outline_scenarios": "Escenarios de práctica: {count} con comentarios en cada elección; sin puntuación.",
        "outline_records": (
            "Registros: en una plataforma de formación, el paquete SCORM comunica la puntuación final, "
            "si se aprobó y cada respuesta; en el sitio web público, los resultados se quedan en el navegador de "
            "cada participante, que puede descargar el resultado para un registro."
        ),
        "outline_review": "Estado de la revisión",
        "outline_module": "Módulo",
        "outline_status": "Estado",
        "outline_checked": "Cotejado con sus fuentes el {date}.",
        "outline_modules": "Módulos",
        "outline_objective": "Objetivo",
        "outline_assessed_by": "Cómo se evalúa",
        "outline_by_quiz": "comprobación y autoevaluación final ({count})",
        "outline_by_scenario": "escenario de práctica",
        "outline_by_classroom": "en el aula, por el instructor",
        "outline_key_points": "Puntos clave",
        "outline_accessed": "(consultado el {date})",
        "outline_type_single": "opción única",
        "outline_type_multiple": "respuestas múltiples",
        "outline_type_true_false": "verdadero o falso",
        "outline_type_matching": "emparejar",
        "outline_type_ordering": "ordenar",
        "outline_type_short_answer": "respuesta corta",
        "nav_progress": "Mi progreso",
        "nav_home": "Inicio",
        "nav_modules": "Módulos",
        "nav_scenarios": "Escenarios",
        "nav_assessment": "Autoevaluación final",
        "nav_certificate": "Certificado",
        "nav_print": "Imprimir todo el curso",
        "nav_instructor": "Informe para instructores",
        "nav_local": "Información local",
        "js_best_passed": "Su mejor puntuación hasta ahora: {best} % (aprobado).",
        "js_best_not_passed": "Su mejor puntuación hasta ahora: {best} % (aún no aprobado).",
        "js_practise": "Responda de nuevo a las preguntas para practicar.",
        "js_question_of": "Pregunta {n} de {total}.",
        "js_result": "Respondió bien {right} de {total} preguntas ({percent} %). Nota para aprobar: {pass_mark} %.",
        "js_result_one": "Respondió bien {right} de 1 pregunta ({percent} %). Nota para aprobar: {pass_mark} %.",
        "js_by_module": "Por módulo",
        "js_review": "Repase estos objetivos:",
        "js_certificate": "Imprima su certificado",
        "js_exported": "Su progreso se guardó en un archivo.",
        "js_imported": "Progreso importado.",
        "js_import_failed": "Ese archivo no es un archivo de progreso de este curso.",
        "js_reset_done": "Progreso reiniciado.",
        "js_forgot": "Se ha borrado todo lo que este sitio guardó en este navegador.",
        "js_confirm_reset": "¿Reiniciar su progreso en este curso?",
        "js_confirm_forget": "¿Borrar todo lo que este sitio guardó en este navegador?",
        "js_passed_mark": "aprobado",
        "js_lms_unavailable": (
            "Su plataforma de formación no aceptó su progreso, así que puede no guardarse. "
            "Las comprobaciones siguen funcionando."
        ),
        "js_certificate_details": "Versión {version} · {date} · puntuación {score} %",
        "js_correct": "Correcto.",
        "js_incorrect": "No del todo.",
        "js_partly": (
            "No del todo: una pregunta de varias respuestas solo cuenta si todas las elecciones son correctas."
        ),
        "js_empty": "Elija primero una respuesta.",
        "js_empty_matching": "Elija primero una pareja para cada elemento.",
        "js_empty_short": "Escriba primero una respuesta.",
        "js_moved": "{item}: ahora {position} de {total}.",
        "js_score": (
            "Puntuación: {right} de {total} preguntas correctas ({percent} %). Nota para aprobar: {pass_mark} %."
        ),
        "js_score_one": "Puntuación: {right} de 1 pregunta correcta ({percent} %). Nota para aprobar: {pass_mark} %.",
        "js_unanswered": "Sin responder.",
        "js_wrong_pairs": "Estas parejas son incorrectas:",
        "js_wrong_places": "Estos elementos están en un lugar incorrecto:",
        "js_confirm_restart": "¿Empezar de nuevo con otras preguntas? Se perderán sus respuestas de este intento.",
        "js_passed": "Aprobado.",
        "js_not_passed": "Aún no aprobado.",
    },
}


def strings_for(language: str) -> dict[str, str]:
    """The table for `language` (falling back to English key by key)."""
    base = STRINGS["en"]
    table = STRINGS.get(language.split("-")[0], {})
    return {key: table.get(key, value) for key, value in base.items()}


def counted(t: dict[str, str], n: int, noun: str) -> str:
    """`n` and the noun in the form that goes with it ("1 module", "12 modules"), from the
    table's `n_<noun>` entry, "<one>|<other>" (the two forms both languages need)."""
    one, other = t[f"n_{noun}"].split("|")
    return (one if n == 1 else other).format(n=n)


def course_strings(language: str, draft_banner: str | None = None) -> dict[str, str]:
    """The table for a course: `strings_for(language)` with the course's own words where
    course.yml gives them (`draft_banner`)."""
    table = strings_for(language)
    if draft_banner:
        table["draft"] = draft_banner
    return table
