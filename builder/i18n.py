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
}


def strings_for(language: str) -> dict[str, str]:
    """The table for `language` (falling back to English key by key)."""
    base = STRINGS["en"]
    table = STRINGS.get(language.split("-")[0], {})
    return {key: table.get(key, value) for key, value in base.items()}
