"""Training course builder: validates a course kept in git and builds it into a static site."""

__version__ = "0.1.0"
