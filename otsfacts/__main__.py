"""``python -m otsfacts`` runs the command-line tool."""

from otsfacts.cli import main

if __name__ == "__main__":
    main()
