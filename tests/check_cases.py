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
    (
        "yaml-boolean-setting",
        [
            (
                Q,
                "        correct: true\n        feedback: Yes, it is.",
                "        correct: yes\n        feedback: Yes, it is.",
            )
        ],
    ),
    ("empty-file", [(Q, "")]),
    ("not-utf8", [(Q, "module: basics\n# caf\xe9\n".encode("latin-1"))]),
    ("binary-file", [(Q, bytes(range(256)) * 8)]),
    ("huge-file", [("quizzes/huge.yml", b"# padding\n" * (2 * 1024 * 1024 + 1))]),
    ("empty-module", [(M, "")]),
    ("front-matter-unclosed", [(M, "review_by: 2099-01-01\n---\n", "review_by: 2099-01-01\n\n")]),
    ("symlink-outside", [("modules/02-secret.md", Link("/etc/hostname"))]),
    ("symlink-course-yml", [(C, Link("/etc/hostname"))]),
    # keys and types
    (
        "unknown-key",
        [(Q, "        correct: true\n        feedback: Yes", "        corect: true\n        feedback: Yes")],
    ),
    ("missing-key", [(Q, "    explanation: One and two are.\n", "")]),
    ("wrong-type-number", [(M, "duration: 15", 'duration: "fifteen"')]),
    ("wrong-type-text", [(Q, "      - text: It is hard.", "      - text: 10")]),
    ("unknown-type", [(Q, "    type: multiple", "    type: mutliple")]),
    ("bad-id", [(Q, "  - id: rule", "  - id: The Rule")]),
    ("bad-date", [(M, "  on: 2026-11-29", "  on: last week")]),
    ("course-yml-missing", [(C, None)]),
    ("course-yml-wrong", [(C, "pass_mark: 80", "pass_mark: 180")]),
    (
        "credit-hours-zero",
        [(C, "progress_epoch: 1", "progress_epoch: 1\ncredit:\n  hours: 0\n  course_number: HT-101")],
    ),
    (
        "credit-hours-text",
        [(C, "progress_epoch: 1", "progress_epoch: 1\ncredit:\n  hours: six\n  provider: Springfield Police Academy")],
    ),
    (
        "credit-unknown-key",
        [(C, "progress_epoch: 1", "progress_epoch: 1\ncredit:\n  hours: 6\n  aproval_number: 2026-114")],
    ),
    (
        "credit-empty-number",
        [
            (
                C,
                "progress_epoch: 1",
                'progress_epoch: 1\ncredit:\n  course_number: ""\n  approving_body: State POST Commission',
            )
        ],
    ),
    ("credit-not-a-mapping", [(C, "progress_epoch: 1", "progress_epoch: 1\ncredit: 6")]),
    (
        "credit-approver",
        [(C, "progress_epoch: 1", "progress_epoch: 1\ncredit:\n  hours: 6\n  approval_number: 2026-114")],
    ),
    # files and names
    ("no-front-matter", [(M, "---\nid: basics", "id: basics")]),
    ("module-file-name", [("modules/basics.md", "---\nid: x\n---\n")]),
    ("quiz-file-name", [("quizzes/basics.yaml", "module: basics\n")]),
    (
        "quiz-in-wrong-file",
        [
            (
                "quizzes/extra.yml",
                (
                    "module: basics\nquestions:\n  - id: x\n    type: true_false\n    objectives: [recall]\n"
                    '    prompt: P\n    options:\n      - text: "True"\n        correct: true\n'
                    '      - text: "False"\n    explanation: E\n'
                ),
            )
        ],
    ),
    ("home-page-missing", [("course/index.md", None)]),
    # cross-file rules
    (
        "duplicate-module-id",
        [
            (
                "modules/02-again.md",
                (
                    "---\nid: basics\ntitle: Again\nsummary: Again.\nduration: 5\nobjectives:\n"
                    "  - id: recall\n    text: Recall.\nsources:\n  - title: T\n    url: https://example.org\n"
                    "    accessed: 2026-11-29\n---\n\nText.\n"
                ),
            )
        ],
    ),
    ("quiz-unknown-module", [(Q, "module: basics", "module: basic")]),
    ("missing-quiz", [(Q, None)]),
    ("duplicate-question-id", [(Q, "  - id: many", "  - id: rule")]),
    ("single-two-correct", [(Q, "      - text: It is hard.\n", "      - text: It is hard.\n        correct: true\n")]),
    (
        "single-none-correct",
        [(Q, "      - text: It is simple.\n        correct: true\n", "      - text: It is simple.\n")],
    ),
    ("true-false-none-correct", [(Q, '      - text: "True"\n        correct: true\n', '      - text: "True"\n')]),
    (
        "multiple-none-correct",
        [
            (
                Q,
                "      - text: One\n        correct: true\n      - text: Two\n        correct: true\n",
                "      - text: One\n      - text: Two\n",
            )
        ],
    ),
    (
        "unknown-objective",
        [(Q, "    objectives: [recall, apply]\n    prompt: What", "    objectives: [recal, apply]\n    prompt: What")],
    ),
    (
        "objective-not-assessed",
        [
            (
                M,
                "  - id: apply\n    text: Apply the rule to a case.\n",
                "  - id: apply\n    text: Apply the rule to a case.\n  - id: explain\n    text: Explain the rule.\n",
            )
        ],
    ),
    (
        "objective-assessed-once",
        [
            (Q, "    objectives: [recall, apply]\n    prompt: Which", "    objectives: [recall]\n    prompt: Which"),
            (Q, "    objectives: [apply]\n    prompt: Match", "    objectives: [recall]\n    prompt: Match"),
            (Q, "    objectives: [apply]\n    prompt: Put", "    objectives: [recall]\n    prompt: Put"),
        ],
    ),
    (
        "matching-duplicate",
        [(Q, "      - {left: Review, right: Check the result}", "      - {left: Review, right: Use the rule}")],
    ),
    ("ordering-duplicate", [(Q, "      - Review the result\n", "      - Learn the rule\n")]),
    ("short-answer-duplicate", [(Q, 'accepted: [Simple, "very simple"]', 'accepted: [Simple, " SIMPLE "]')]),
    ("ordering-too-short", [(Q, "      - Apply the rule\n      - Review the result\n", "")]),
    # warnings
    ("review-overdue", [(M, "review_by: 2099-01-01", "review_by: 2001-01-01")]),
    ("source-not-accessed", [(M, "    accessed: 2026-11-29\n", "")]),
    # Markdown bodies
    (
        "script-in-markdown",
        [
            (
                M,
                "says the rule is simple [@rulebook].",
                "says the rule is simple [@rulebook].\n\n<script>alert(1)</script>",
            )
        ],
    ),
    (
        "event-handler",
        [
            (
                M,
                "says the rule is simple [@rulebook].",
                'says the rule is <img src="x.png" alt="" onerror="alert(1)"> simple [@rulebook].',
            )
        ],
    ),
    ("javascript-url", [("course/index.md", "A tiny valid course", "A tiny [valid](javascript:alert(1)) course")]),
    ("unknown-citation", [(M, "[@rulebook]", "[@rulebok]")]),
    ("bad-citation", [(M, "[@rulebook]", "[@rulebook, p. 3]")]),
    # contacts, diagrams, glossary
    ("unknown-contact", [(M, "[[contact:helpline]]", "[[contact:help-line]]")]),
    ("unknown-directive", [(M, "[[contact:helpline]]", "[[contcat:helpline]]")]),
    (
        "contact-not-checked",
        [
            (
                "course/contacts.yml",
                "    checked_on: 2099-01-01\n    source: https://example.org/911",
                "    checked_on: 2001-01-01\n    source: https://example.org/911",
            )
        ],
    ),
    ("contact-bad-phone", [("course/contacts.yml", 'phone: "911"', "phone: 911")]),
    ("unknown-diagram", [(M, "[[diagram:basics-flow]]", "[[diagram:basic-flow]]")]),
    ("diagram-not-alone", [(M, "\n[[diagram:basics-flow]]\n", "\nSee [[diagram:basics-flow]]\n")]),
    (
        "diagram-no-text-alternative",
        [("course/diagrams/basics-flow.svg", "  <title>The rule in two steps</title>\n", "")],
    ),
    (
        "diagram-colour-and-script",
        [
            (
                "course/diagrams/basics-flow.svg",
                '<rect x="10" y="20" width="150" height="60" rx="8" class="cb-d-box"/>',
                (
                    '<rect x="10" y="20" width="150" height="60" rx="8" fill="#ff0000" '
                    'onclick="alert(1)"/><script>alert(2)</script>'
                ),
            )
        ],
    ),
    ("diagram-syntax", [("course/diagrams/basics-flow.svg", "</svg>", "")]),
    ("abbreviation-first-use", [(M, "The Example Rule Authority (ERA) says", "The ERA says")]),
    ("duplicate-term", [("course/glossary.yml", "  - term: Rule\n", "  - term: Example rule authority\n")]),
    # branching scenarios
    ("scenario-unknown-goto", [(S, "        goto: lecture\n", "        goto: lectur\n")]),
    (
        "scenario-unreachable-step",
        [
            (
                S,
                "      - text: Tell the caller what the rule says.\n        goto: lecture\n",
                "      - text: Tell the caller what the rule says.\n        goto: listen\n",
            )
        ],
    ),
    (
        "scenario-dead-end",
        [
            (
                S,
                "      - text: Go back and listen.\n        goto: listen\n",
                "      - text: Try again.\n        goto: lecture\n",
            )
        ],
    ),
    ("scenario-missing-feedback", [(S, "        feedback: Better late than never.\n", "")]),
    ("scenario-bad-start", [(S, "start: call", "start: begin")]),
    ("scenario-file-name", [(S, "id: first-call", "id: first-calls")]),
    # placeholders and the site's privacy
    ("placeholder", [(Q, "    explanation: One and two are.", "    explanation: TODO explain")]),
    (
        "placeholder-in-body",
        [(M, "The ERA publishes it.", "The ERA publishes it. `TODO` in code is text.\n\nTODO: the second case.")],
    ),
    (
        "analytics",
        [("mkdocs.yml", "plugins:", "extra:\n  analytics:\n    provider: google\n    property: G-XXXX\nplugins:")],
    ),
    (
        "third-party-script",
        [("mkdocs.yml", "plugins:", "extra_javascript:\n  - https://cdn.example.com/lib.js\nplugins:")],
    ),
    ("external-font", [("mkdocs.yml", "  font: false\n", "")]),
    ("directory-urls", [("mkdocs.yml", "use_directory_urls: false\n", "use_directory_urls: true\n")]),
    ("directory-urls-unset", [("mkdocs.yml", "use_directory_urls: false\n", "")]),
]


# -- item quality: deliberately test-wise quizzes, one cue each ----------------------------------
def _quiz(*questions: str, fillers: int = 4) -> str:
    """A quiz of the fixture's module: `questions` (YAML items), then `fillers` short-answer
    questions, which no strategy answers without reading, so that only the cue under test stands out."""
    typed = [
        f"  - id: typed-{n}\n    type: short_answer\n    objectives: [recall, apply]\n"
        f"    prompt: Type word {n} of the rule.\n"
        f"    accepted: [word{n}]\n    explanation: It is word{n}.\n"
        for n in range(1, fillers + 1)
    ]
    return "module: basics\nquestions:\n" + "".join(questions) + "".join(typed)


def _single(n: int, options: list[tuple[str, bool]], extra: str = "") -> str:
    lines = "".join(f"      - text: {text}\n" + ("        correct: true\n" if right else "") for text, right in options)
    return (
        f"  - id: single-{n}\n    type: single\n    objectives: [recall, apply]\n"
        f"{extra}    prompt: Which reading of rule {n} holds?\n    options:\n{lines}    explanation: See rule {n}.\n"
    )


def _true_false(n: int, true: bool, prompt: str = "") -> str:
    right, wrong = ('"True"', '"False"') if true else ('"False"', '"True"')
    return (
        f"  - id: statement-{n}\n    type: true_false\n    objectives: [recall, apply]\n"
        f"    prompt: {prompt or f'Rule {n} applies here.'}\n"
        f'    options:\n      - text: "True"\n'
        + ("        correct: true\n" if true else "")
        + '      - text: "False"\n'
        + ("" if true else "        correct: true\n")
        + "    explanation: So it is.\n"
    )


def _multiple(n: int, extra: str = "") -> str:
    return (
        f"  - id: multiple-{n}\n    type: multiple\n    objectives: [recall, apply]\n"
        f"{extra}    prompt: Which parts of rule {n} apply?\n    options:\n"
        "      - text: Part one\n        correct: true\n      - text: Part two\n        correct: true\n"
        "      - text: Part six\n      - text: Part ten\n"
        "    explanation: One and two.\n"
    )


_SAME = [("Rule applies A", True), ("Rule applies B", False), ("Rule applies C", False)]
_LONG_KEY = [
    ("The rule applies in most cases", True),
    ("The rule applies in few cases", False),
    ("It applies in no case", False),
]

CASES += [
    ("item-key-position", [(Q, _quiz(*(_single(n, _SAME, "    keep_order: true\n") for n in range(1, 7))))]),
    ("item-key-longest", [(Q, _quiz(*(_single(n, _LONG_KEY) for n in range(1, 6))))]),
    (
        "item-key-much-longer",
        [
            (
                Q,
                _quiz(
                    _single(
                        1,
                        [
                            ("The rule applies to every case the module names, with two exceptions", True),
                            ("It applies to no case", False),
                            ("It is optional", False),
                        ],
                    )
                ),
            )
        ],
    ),
    ("item-true-false-balance", [(Q, _quiz(*(_true_false(n, False) for n in range(1, 6)), _true_false(6, True)))]),
    ("item-correct-first", [(Q, _quiz(*(_multiple(n, "    keep_order: true\n") for n in range(1, 5))))]),
    (
        "item-absolute-words",
        [
            (
                Q,
                _quiz(
                    *(
                        _single(
                            n,
                            [
                                ("It applies in most cases", True),
                                ("It never applies to cases", False),
                                ("It always applies to all", False),
                            ],
                        )
                        for n in range(1, 3)
                    ),
                    _true_false(3, False, "Rule 3 can never apply."),
                ),
            )
        ],
    ),
    (
        "item-similar-prompts",
        [
            (
                Q,
                _quiz(
                    _single(1, _SAME).replace(
                        "Which reading of rule 1 holds?", "Which reading of the speeding rule holds on highways?"
                    ),
                    _single(2, _SAME).replace(
                        "Which reading of rule 2 holds?", "Which reading of the speeding rule holds on the highways?"
                    ),
                ),
            )
        ],
    ),
    (
        "item-guessable",
        [
            (
                Q,
                _quiz(
                    *(_single(n, _LONG_KEY) for n in range(1, 4)),
                    *(_true_false(n, False) for n in range(4, 7)),
                    *(_multiple(n, "    keep_order: true\n") for n in range(7, 10)),
                    fillers=0,
                ),
            )
        ],
    ),
    (
        "item-unknown-allow",
        [
            (
                Q,
                _quiz(_single(1, _SAME, "    allow: {key-lenght: The wording is quoted from the statute.}\n")).replace(
                    "questions:\n", "allow:\n  guesable: Practice only.\nquestions:\n", 1
                ),
            )
        ],
    ),
]

# raw HTML and URLs, held to an allowlist after decoding as a browser does
_BODY = "says the rule is simple [@rulebook]."
CASES += [
    (
        "javascript-url-encoded",
        [(M, _BODY, 'says the rule is <a href="&#106;ava&#x09;script:alert(1)">simple</a> [@rulebook].')],
    ),
    (
        "html-element",
        [(M, _BODY, _BODY + '\n\n<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>')],
    ),
    (
        "url-scheme",
        [(M, _BODY, _BODY + "\n\nSee [the form](data:text/html;base64,PHNjcmlwdD4=) and <file:///etc/passwd>.")],
    ),
    (
        "external-file",
        [(M, _BODY, _BODY + '\n\n![Seal](https://example.org/seal.png)\n\n<img src="//example.org/pixel.gif" alt="">')],
    ),
    (
        "html-attribute",
        [(M, _BODY, _BODY + '\n\nA <span style="color: red">red</span> word.\n{: onclick="alert(1)" formaction="x" }')],
    ),
]
CASES += [
    ("contact-phone-words", [("course/contacts.yml", 'phone: "911"', 'phone: "call 911"')]),
]
# links, anchors, images and citations, at the line that has them (builder/links.py)
_ERA = "The ERA publishes it."
CASES += [
    ("broken-link", [(M, _ERA, _ERA + " Next: [the sequel](02-sequel.md).")]),
    (
        "broken-anchor",
        [(M, _ERA, _ERA + " See [the rule](01-basics.md#the-rules) and [the sources](basics.md#source-rulebok).")],
    ),
    ("missing-image", [(M, _ERA, _ERA + "\n\n![The seal](../images/seal.png)\n\n![A page](../index.md)")]),
    ("absolute-link", [("course/index.md", "A tiny valid course", "A tiny [valid](/modules/basics.html) course")]),
    (
        "course-page-links",
        [
            (
                "course/index.md",
                "A tiny valid course",
                (
                    "A tiny [valid](modules/01-basic.md) course, [ruled](modules/basics.md#the-rul) "
                    "[here](../modules/01-basics.md#nope)"
                ),
            )
        ],
    ),
    (
        "quiz-broken-link",
        [
            (
                Q,
                "    explanation: The rulebook says the rule is simple.",
                (
                    "    explanation: |\n      The rulebook says the rule is simple.\n"
                    "      See [the rule](01-basic.md#the-rule), [the rule](basics.md#the-rul) "
                    "and [home](../index.md#nowhere)."
                ),
            )
        ],
    ),
    ("quiz-missing-image", [(Q, "      - text: It is hard.", "      - text: It is hard. ![Hard](../images/hard.png)")]),
    (
        "quiz-unknown-citation",
        [(Q, "        feedback: No, it is simple.", "        feedback: No, it is simple [@rulebok; @rulebook].")],
    ),
    (
        "unpublished-file",
        [
            (
                M,
                _ERA,
                _ERA
                + (
                    " ![Flow](../course/diagrams/basics-flow.svg) ![Seal](images/seal.png) "
                    "[settings](../course/course.yml)"
                ),
            ),
            ("modules/images/seal.png", b"\x89PNG"),
        ],
    ),
    (
        "glossary-broken-link",
        [
            (
                "course/glossary.yml",
                "    definition: What the course is about.",
                "    definition: What [the course](index.md#learning-paths) is about.",
            )
        ],
    ),
    (
        "scenario-broken-link",
        [
            (
                S,
                "    situation: A caller describes a problem. What do you do first?",
                "    situation: A caller describes a problem [@rules]. Read [the rule](basics.md#the-rule) first.",
            )
        ],
    ),
]
CASES += [
    ("language-conflict", [("mkdocs.yml", "  font: false\n", "  font: false\n  language: es\n")]),
    # mkdocs.yml read as YAML: a one-line `theme:` is valid, and its `language` is found
    (
        "language-conflict-flow",
        [
            (
                "mkdocs.yml",
                "theme:\n  name: material\n  font: false\n  features:\n    - navigation.footer\n",
                "theme: {name: material, font: false, language: es}\n",
            )
        ],
    ),
    ("unknown-language", [(C, "language: en", "language: fr")]),
]
CASES += [
    ("no-modules", [(M, None), (Q, None), (S, None)]),
    ("mkdocs-yml-missing", [("mkdocs.yml", None)]),
]
CASES += [
    ("body-title-heading", [(M, "## The rule", "# The rule")]),
    ("blank-answer", [(Q, 'accepted: [Simple, "very simple"]', 'accepted: [Simple, "  "]')]),
    (
        "no-scenario",
        [
            (S, None),
            (
                M,
                "    text: Apply the rule to a case.\n",
                "    text: Apply the rule to a case.\n    assessed_by: scenario\n",
            ),
        ],
    ),
]
CASES += [
    ("course-plugin-missing", [("mkdocs.yml", "  - search\n  - course\n", "  - search\n")]),
]
CASES += [
    ("item-checks-true-share", [(C, "pass_mark: 80", "pass_mark: 80\nitem_checks:\n  true_share: [70, 30]")]),
]
CASES += [
    # one misspelt key per file hides none of the file's other problems
    (
        "typo-hides-nothing",
        [
            (Q, "    prompt: What is the rule?", "    promt: What is the rule?"),
            (Q, "      - text: It is hard.\n", "      - text: It is hard.\n        correct: true\n"),
            (M, "duration: 15", "duraton: 15"),
            (M, "[[diagram:basics-flow]]", "[[diagram:basic-flow]]"),
            (S, "        feedback: Better late than never.\n", "        feedbak: Better late than never.\n"),
            (S, "start: call", "start: cal"),
        ],
    ),
    (
        "type-key-misspelt",
        [
            (Q, "    type: multiple", "    tpye: multiple"),
            (Q, "      - text: It is hard.\n", "      - text: It is hard.\n        correct: true\n"),
        ],
    ),
]
CASES += [
    # a typo in a step name is one error, not also unreachable steps and dead ends
    ("scenario-goto-typo", [(S, "        goto: applied\n", "        goto: aplied\n")]),
    ("scenario-step-renamed", [(S, "  lecture:\n", "  lectur:\n")]),
]
CASES += [
    # indentation mistakes are told as indentation, with the column the line probably belongs at
    (
        "yaml-indent-key-deeper",
        [(Q, "        correct: true\n        feedback: Yes", "         correct: true\n        feedback: Yes")],
    ),
    ("yaml-indent-key-shallower", [(Q, "        feedback: Yes", "      feedback: Yes")]),
    ("yaml-indent-entry", [(Q, "      - text: It is hard.", "    - text: It is hard.")]),
    ("yaml-indent-front-matter", [(M, "  - id: apply\n    text: Apply", "  - id: apply\n     text: Apply")]),
]
CASES += [
    # a second colon in a value is quoting, not indentation, even on a line that starts with a key
    (
        "yaml-colon-in-scenario-text",
        [(S, "    situation: A caller describes a problem.", "    situation: Markdown: a caller describes a problem.")],
    ),
]
CASES += [
    # a question that cannot be read hides none of the quiz's other problems, and causes none
    # (its objectives are not reported as unassessed, the quiz-wide item checks wait)
    ("broken-question-hides-nothing", [
        (Q, "    explanation: One and two are.\n", ""),
        (Q, "    type: true_false", "    type: truefalse"),
        (Q, "      - text: It is hard.\n", "      - text: It is hard.\n        correct: true\n"),
        (Q, "  - id: word", "  - id: pairs"),
    ]),
]
CASES += [
    # a module whose front matter cannot be read still has its body checked
    (
        "front-matter-hides-nothing",
        [
            (M, "duration: 15", 'duration: "fifteen"'),
            (M, "[[diagram:basics-flow]]", "[[diagram:basic-flow]]\n\n<script>alert(1)</script>"),
        ],
    ),
]
CASES += [
    # text continued on a line that is not indented under its key
    ("yaml-indent-continued-text", [(Q, "    prompt: What is the rule?", "    prompt: What is\n    the rule?")]),
]
CASES += [
    ("yaml-unclosed-quote", [(Q, '      - text: "True"', '      - text: "True')]),
    ("yaml-dash-without-space", [(Q, "      - text: It is hard.", "      -text: It is hard.")]),
    ("yaml-indent-between-two", [(Q, "        feedback: No, it is simple.", "     feedback: No, it is simple.")]),
]
CASES += [
    ("yaml-backtick-start", [(Q, "    prompt: What is the rule?", "    prompt: `rule` is what?")]),
]
CASES += [
    # mkdocs.yml read as YAML: flow style and comments are the same settings as the block form
    (
        "analytics-flow",
        [("mkdocs.yml", "plugins:", "extra: {analytics: {provider: google, property: G-XXXX}}\nplugins:")],
    ),
    (
        "third-party-script-flow",
        [("mkdocs.yml", "plugins:", "extra_javascript: [js/local.js, 'https://cdn.example.com/lib.js']\nplugins:")],
    ),
    (
        "directory-urls-comment",
        [
            (
                "mkdocs.yml",
                "use_directory_urls: false\n",
                "use_directory_urls: false  # page.html, not page/index.html\n",
            )
        ],
    ),
    (
        "directory-urls-flow",
        [
            (
                "mkdocs.yml",
                (
                    "{site_name: Minimal course, docs_dir: course, site_dir: site,\n"
                    " theme: {name: material, font: false},\n"
                    " use_directory_urls: true,\n"
                    " plugins: [search, course],\n"
                    " markdown_extensions: [admonition, attr_list, tables, {toc: {permalink: true}}]}\n"
                ),
            )
        ],
    ),
    ("mkdocs-yml-syntax", [("mkdocs.yml", "  font: false\n", "  font: [false\n")]),
]
