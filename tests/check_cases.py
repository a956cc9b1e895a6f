"""Broken variants of tests/fixtures/minimal, one per rule of `course check`.

Each case is (name, edits); its expected report is tests/golden/check/<name>.txt.
"""

from __future__ import annotations

from course_helpers import Link

Q = "quizzes/basics.yml"
M = "modules/01-basics.md"
C = "course/course.yml"
S = "scenarios/first-call.yml"

CASES: list[tuple[str, list]] = [
    # YAML itself
    ("yaml-syntax-quiz", [(Q, "    prompt: What is the rule?", "    prompt: What is: the rule?")]),
    ("yaml-syntax-front-matter", [(M, "summary: The basics, in brief.", "summary: [The basics")]),
    ("yaml-tab", [(Q, "  - id: many\n", "  - id: many\n\t")]),
    ("duplicate-key", [(Q, "    prompt: What is the rule?\n", "    prompt: What is the rule?\n    prompt: Again?\n")]),
    ("yaml-boolean-text", [(Q, '      - text: "False"', "      - text: No")]),
    ("yaml-boolean-setting", [(Q, "        correct: true\n        feedback: Yes, it is.", "        correct: yes\n        feedback: Yes, it is.")]),
    ("empty-file", [(Q, "")]),
    ("not-utf8", [(Q, "module: basics\n# caf\xe9\n".encode("latin-1"))]),
    ("binary-file", [(Q, bytes(range(256)) * 8)]),
    ("huge-file", [("quizzes/huge.yml", b"# padding\n" * (2 * 1024 * 1024 + 1))]),
    ("empty-module", [(M, "")]),
    ("front-matter-unclosed", [(M, "review_by: 2099-01-01\n---\n", "review_by: 2099-01-01\n\n")]),
    ("symlink-outside", [("modules/02-secret.md", Link("/etc/hostname"))]),
    ("symlink-course-yml", [(C, Link("/etc/hostname"))]),
    # keys and types
    ("unknown-key", [(Q, "        correct: true\n        feedback: Yes", "        corect: true\n        feedback: Yes")]),
    ("missing-key", [(Q, "    explanation: One and two are.\n", "")]),
    ("wrong-type-number", [(M, "duration: 15", 'duration: "fifteen"')]),
    ("wrong-type-text", [(Q, "      - text: It is hard.", "      - text: 10")]),
    ("unknown-type", [(Q, "    type: multiple", "    type: mutliple")]),
    ("bad-id", [(Q, "  - id: rule", "  - id: The Rule")]),
    ("bad-date", [(M, "  on: 2026-11-29", "  on: last week")]),
    ("course-yml-missing", [(C, None)]),
    ("course-yml-wrong", [(C, "pass_mark: 80", "pass_mark: 180")]),
    # files and names
    ("no-front-matter", [(M, "---\nid: basics", "id: basics")]),
    ("module-file-name", [("modules/basics.md", "---\nid: x\n---\n")]),
    ("quiz-file-name", [("quizzes/basics.yaml", "module: basics\n")]),
    ("quiz-in-wrong-file", [("quizzes/extra.yml", "module: basics\nquestions:\n  - id: x\n    type: true_false\n    objectives: [recall]\n    prompt: P\n    options:\n      - text: \"True\"\n        correct: true\n      - text: \"False\"\n    explanation: E\n")]),
    ("home-page-missing", [("course/index.md", None)]),
    # cross-file rules
    ("duplicate-module-id", [("modules/02-again.md", "---\nid: basics\ntitle: Again\nsummary: Again.\nduration: 5\nobjectives:\n  - id: recall\n    text: Recall.\nsources:\n  - title: T\n    url: https://example.org\n    accessed: 2026-11-29\n---\n\nText.\n")]),
    ("quiz-unknown-module", [(Q, "module: basics", "module: basic")]),
    ("missing-quiz", [(Q, None)]),
    ("duplicate-question-id", [(Q, "  - id: many", "  - id: rule")]),
    ("single-two-correct", [(Q, "      - text: It is hard.\n", "      - text: It is hard.\n        correct: true\n")]),
    ("single-none-correct", [(Q, "      - text: It is simple.\n        correct: true\n", "      - text: It is simple.\n")]),
    ("true-false-none-correct", [(Q, '      - text: "True"\n        correct: true\n', '      - text: "True"\n')]),
    ("multiple-none-correct", [(Q, "      - text: One\n        correct: true\n      - text: Two\n        correct: true\n", "      - text: One\n      - text: Two\n")]),
    ("unknown-objective", [(Q, "    objectives: [recall, apply]\n    prompt: What", "    objectives: [recal, apply]\n    prompt: What")]),
    ("objective-not-assessed", [(M, "  - id: apply\n    text: Apply the rule to a case.\n", "  - id: apply\n    text: Apply the rule to a case.\n  - id: explain\n    text: Explain the rule.\n")]),
    ("objective-assessed-once", [
        (Q, "    objectives: [recall, apply]\n    prompt: Which", "    objectives: [recall]\n    prompt: Which"),
        (Q, "    objectives: [apply]\n    prompt: Match", "    objectives: [recall]\n    prompt: Match"),
        (Q, "    objectives: [apply]\n    prompt: Put", "    objectives: [recall]\n    prompt: Put"),
    ]),
    ("matching-duplicate", [(Q, "      - {left: Review, right: Check the result}", "      - {left: Review, right: Use the rule}")]),
    ("ordering-duplicate", [(Q, "      - Review the result\n", "      - Learn the rule\n")]),
    ("short-answer-duplicate", [(Q, 'accepted: [Simple, "very simple"]', 'accepted: [Simple, " SIMPLE "]')]),
    ("ordering-too-short", [(Q, "      - Apply the rule\n      - Review the result\n", "")]),
    # warnings
    ("review-overdue", [(M, "review_by: 2099-01-01", "review_by: 2001-01-01")]),
    ("source-not-accessed", [(M, "    accessed: 2026-11-29\n", "")]),
    # Markdown bodies
    ("script-in-markdown", [(M, "says the rule is simple [@rulebook].", "says the rule is simple [@rulebook].\n\n<script>alert(1)</script>")]),
    ("event-handler", [(M, "says the rule is simple [@rulebook].", 'says the rule is <img src="x.png" alt="" onerror="alert(1)"> simple [@rulebook].')]),
    ("javascript-url", [("course/index.md", "A tiny valid course", "A tiny [valid](javascript:alert(1)) course")]),
    ("unknown-citation", [(M, "[@rulebook]", "[@rulebok]")]),
    ("bad-citation", [(M, "[@rulebook]", "[@rulebook, p. 3]")]),
    # contacts, diagrams, glossary
    ("unknown-contact", [(M, "[[contact:helpline]]", "[[contact:help-line]]")]),
    ("unknown-directive", [(M, "[[contact:helpline]]", "[[contcat:helpline]]")]),
    ("contact-not-checked", [("course/contacts.yml", "    checked_on: 2099-01-01\n    source: https://example.org/911", "    checked_on: 2001-01-01\n    source: https://example.org/911")]),
    ("contact-bad-phone", [("course/contacts.yml", 'phone: "911"', "phone: 911")]),
    ("unknown-diagram", [(M, "[[diagram:basics-flow]]", "[[diagram:basic-flow]]")]),
    ("diagram-not-alone", [(M, "\n[[diagram:basics-flow]]\n", "\nSee [[diagram:basics-flow]]\n")]),
    ("diagram-no-text-alternative", [("course/diagrams/basics-flow.svg", "  <title>The rule in two steps</title>\n", "")]),
    ("diagram-colour-and-script", [("course/diagrams/basics-flow.svg", '<rect x="10" y="20" width="150" height="60" rx="8" class="cb-d-box"/>', '<rect x="10" y="20" width="150" height="60" rx="8" fill="#ff0000" onclick="alert(1)"/><script>alert(2)</script>')]),
    ("diagram-syntax", [("course/diagrams/basics-flow.svg", "</svg>", "")]),
    ("abbreviation-first-use", [(M, "The Example Rule Authority (ERA) says", "The ERA says")]),
    ("duplicate-term", [("course/glossary.yml", "  - term: Rule\n", "  - term: Example rule authority\n")]),
    # branching scenarios
    ("scenario-unknown-goto", [(S, "        goto: lecture\n", "        goto: lectur\n")]),
    ("scenario-unreachable-step", [(S, "      - text: Tell the caller what the rule says.\n        goto: lecture\n", "      - text: Tell the caller what the rule says.\n        goto: listen\n")]),
    ("scenario-dead-end", [(S, "      - text: Go back and listen.\n        goto: listen\n", "      - text: Try again.\n        goto: lecture\n")]),
    ("scenario-missing-feedback", [(S, "        feedback: Better late than never.\n", "")]),
    ("scenario-bad-start", [(S, "start: call", "start: begin")]),
    ("scenario-file-name", [(S, "id: first-call", "id: first-calls")]),
    # placeholders and the site's privacy
    ("placeholder", [(Q, "    explanation: One and two are.", "    explanation: TODO explain")]),
    ("analytics", [("mkdocs.yml", "plugins:", "extra:\n  analytics:\n    provider: google\n    property: G-XXXX\nplugins:")]),
    ("third-party-script", [("mkdocs.yml", "plugins:", "extra_javascript:\n  - https://cdn.example.com/lib.js\nplugins:")]),
    ("external-font", [("mkdocs.yml", "  font: false\n", "")]),
    ("directory-urls", [("mkdocs.yml", "use_directory_urls: false\n", "use_directory_urls: true\n")]),
    ("directory-urls-unset", [("mkdocs.yml", "use_directory_urls: false\n", "")]),
]
