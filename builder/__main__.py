"""`python -m builder` runs the `course` command."""

from builder.cli import main

if __name__ == "__main__":
    main()
