"""The site's pages, one module per kind, each made from one build's `RenderContext`
(builder/render.py: the course, its strings, the templates, links, the questions' memo and the
generated HTML that waits for `fill`):

- `module.py`: module pages with their knowledge checks, and the whole-course print page;
- `scenario.py`: scenario pages;
- `glossary.py`: the glossary page;
- `instructor.py`: the instructor edition's banner, print rule and coverage report;
- `course.py`: the pages of course/ (links, contacts and diagrams) and the home page's overview;
- `journey.py`: My progress, the final self-assessment, the certificate and course.js's data.

None of them knows MkDocs: builder/docs_tree.py lists what they make, for every engine.
"""
