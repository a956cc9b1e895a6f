"""The site's own scripts and stylesheets, minified when they are published.

The sources in builder/assets/ stay readable; trainees on slow agency networks get them about
30% smaller (measured: 9.2 KB gzip of JS and CSS on a module page becomes 6.5 KB). Scripts are
parsed and printed without comments or white space, their local names shortened (calmjs.parse,
pure Python, ES5 like our scripts: another 10% of gzip, 611 B on a module page, where a
whitespace-only minifier such as rjsmin stops); a syntax error in an asset stops the build.
Globals keep their names (cb, window.cb…), so the parts of course.js still meet. rcssmin
(tiny, dependency-free, maintained since 2011) does the stylesheets.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from importlib.metadata import version
from pathlib import Path

import rcssmin  # type: ignore[import-untyped]  # no type information shipped

from builder.cache import cache_dir

ASSETS = Path(__file__).parent / "assets"
#: Part of the minified-script cache key: another calmjs.parse, or other options, print differently.
_JS_OPTIONS = "obfuscate, not globals, drop_semi, one final ;"


@functools.lru_cache(maxsize=64)  # the same assets in every build of a process (serve, tests)
def minified(text: str, name: str) -> str:
    if name.endswith(".js"):
        return _cached_js(text)
    if name.endswith(".css"):
        return str(rcssmin.cssmin(text)) + "\n"
    return text


def _minify_js(text: str) -> str:
    # Imported here: a build whose scripts are all in the cache never loads calmjs.parse (and ply).
    from calmjs.parse import es5  # type: ignore[import-untyped]
    from calmjs.parse.unparsers.es5 import minify_print  # type: ignore[import-untyped]

    # drop_semi also drops the last one, which the next part of a concatenated script needs
    return str(minify_print(es5(text), obfuscate=True, obfuscate_globals=False, drop_semi=True)).rstrip(";") + ";\n"


@functools.cache
def _calmjs_version() -> str:
    return version("calmjs.parse")


def _cached_js(text: str) -> str:
    """`_minify_js(text)`, kept on disk by the script's hash: parsing the site's scripts costs
    calmjs.parse about 0.8 s CPU, the same on every build of the same builder. The cache is only
    a speed-up: a missing, unreadable or unwritable one means minifying again (same output)."""
    key = hashlib.sha256(f"{_calmjs_version()}\0{_JS_OPTIONS}\0{text}".encode()).hexdigest()
    path = cache_dir("minified-js") / f"{key}.js"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    out = _minify_js(text)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text(out, encoding="utf-8")
        temp.replace(path)  # atomic: a parallel build reads a whole file or none
    except OSError:
        pass
    return out


#: The lines that cut a question type's script (builder/assets/questions/<partial>.js) into its
#: parts: grading, which every page needs (course.js); after FORM_MARK, building the final
#: assessment's form, which only journey-pages.js does; after LMS_MARK, describing an answer as a
#: SCORM interaction, which only the SCORM package's bridge (scorm-bridge.js) does.
FORM_MARK = "/* @form */"
LMS_MARK = "/* @lms */"


def asset(name: str) -> str:
    """builder/assets/<name>, minified."""
    return minified((ASSETS / name).read_text(encoding="utf-8"), name)


def question_script(partial: str, part: str = "grade") -> str:
    """One part of a question type's script, minified: "grade", "form" or "lms"."""
    text = (ASSETS / "questions" / f"{partial}.js").read_text(encoding="utf-8")
    grading, form_mark, rest = text.partition(FORM_MARK)
    form, lms_mark, lms = rest.partition(LMS_MARK)
    if not (form_mark and lms_mark):
        raise ValueError(
            f"builder/assets/questions/{partial}.js needs a {FORM_MARK} line, "
            f"then a {LMS_MARK} line, before those parts"
        )
    return minified({"grade": grading, "form": form, "lms": lms}[part], ".js")


#: Where white space is content: preformatted and code text (Material styles `code`, `kbd` and
#: `pre` with `white-space: pre-wrap`), form text, scripts and styles. Left exactly as it is.
_KEEP = re.compile(r"<((?i:pre|code|kbd|textarea|script|style))\b.*?</(?i:\1)>", re.DOTALL)  # any letter case
#: White space between two tags that holds a line break: the blank lines and indentation that
#: the theme's templates leave (a fifth of a module page).
_BETWEEN_TAGS = re.compile(r">[ \t]*\n[ \t\n]*<")


def compact_html(html: str) -> str:
    """The page with each run of white space between tags that holds a line break made one line
    break: the same page to a browser (white space between tags collapses to one space outside
    the elements `_KEEP` leaves alone), about a fifth smaller for a module page, for 0.7 ms."""
    out: list[str] = []
    last = 0
    for match in _KEEP.finditer(html):
        out.append(_compact(html[last : match.start()], last > 0, True))
        out.append(match.group(0))
        last = match.end()
    out.append(_compact(html[last:], last > 0, False))
    return "".join(out)


def _compact(text: str, after_tag: bool, before_tag: bool) -> str:
    """`text` compacted; a kept element before it ends with `>`, one after it starts with `<`."""
    wrapped = (">" if after_tag else "") + text + ("<" if before_tag else "")
    done = _BETWEEN_TAGS.sub(">\n<", wrapped)
    return done[1 if after_tag else 0 : len(done) - 1 if before_tag else len(done)]
