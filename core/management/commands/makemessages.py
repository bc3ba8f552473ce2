from django.core.management.commands import makemessages


class Command(makemessages.Command):
    # A fuzzy guess from a similar string is worse than no translation: the
    # catalogue test flags untranslated entries, it cannot flag wrong ones.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
