"""Reference data transcribed from the source documents (kept in ``SOURCE_DOCUMENTS_DIR``).

Each app declares loaders in its ``reference_data.py`` (and demo loaders in
``demo_data.py``) with ``@reference_loader``; ``manage.py load_reference_data``
runs them in order. Loaders write through ``upsert`` and ``flag``, which touch
the database only when something differs, so a second run changes nothing.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from core.models import DataFlag, SourcedModel, SourceStatement

# The source documents themselves are not needed to load the reference data (it is
# transcribed in each app's reference_data.py); only the word-for-word check reads them.
SEEDS_DIR = Path(settings.SOURCE_DOCUMENTS_DIR)

PLAN_DOCUMENT = "002_ea7886a25d2d7173.txt"
CONVENTION_DOCUMENT = "003_8e509bc53225c741.txt"
REGENERATIS_DOCUMENT = "000_f98b46d4001c10ea.txt"
RAW4RES_DOCUMENT = "001_b10686d589da6d6e.txt"


@dataclass(frozen=True)
class Citation:
    """A source document as people cite it; the file name stays an internal key. Only what
    the document itself says is recorded: a date or an address it does not give is left out."""

    title: str
    issuer: str
    date: str = ""
    url: str = ""

    def __str__(self):
        return ", ".join(part for part in (self.title, self.issuer, self.date) if part)


SOURCE_CITATIONS = {
    PLAN_DOCUMENT: Citation(
        title="Plan d’actions de la Région Hauts-de-France pour l’industrie circulaire — "
        "Accompagner / Accélérer / Massifier",
        issuer="Région Hauts-de-France",
        url="https://www.hautsdefrance.fr",
    ),
    CONVENTION_DOCUMENT: Citation(
        title="Délibération du Conseil communautaire : convention de partenariat entre "
        "l'agglomération Béthune-Bruay et l'association pôle TEAM2",
        issuer="Communauté d'agglomération de Béthune-Bruay, Artois Lys Romane",
        date="25 juin 2024",
    ),
    REGENERATIS_DOCUMENT: Citation(
        title="REGENERATIS — REGENERATIon et Réhabilitation de sites post-métallurgiques par "
        "la récupération de ressources (présentation du projet)",
        issuer="Interreg Europe du Nord-Ouest",
        url="https://www.nweurope.eu/REGENERATIS/",
    ),
    RAW4RES_DOCUMENT: Citation(
        title="RAW4RES : soutenir la transition de l'Europe vers des chaînes "
        "d'approvisionnement en terres rares résilientes, durables et circulaires",
        issuer="Pôle de compétitivité TEAM2",
        date="2025",
        url="http://www.team2.fr",
    ),
}


def facts_per_document() -> dict[str, int]:
    """How many stored records quote each source document (every model with a source)."""
    counts: Counter = Counter()
    for model in apps.get_models():
        if issubclass(model, SourcedModel):
            for row in (
                model.objects.exclude(source_document="")
                .values("source_document")
                .annotate(n=Count("pk"))
            ):
                counts[row["source_document"]] += row["n"]
    return dict(sorted(counts.items()))


def citation(document: str) -> Citation | None:
    """The citation of a source document named by its key (its file name)."""
    return SOURCE_CITATIONS.get(document)


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)
    notes: list = field(default_factory=list)

    def count(self, model, outcome):
        self.counts[(model._meta.label, outcome)] += 1

    def changed(self):
        return sum(n for (_label, outcome), n in self.counts.items() if outcome != "unchanged")

    def lines(self):
        labels = sorted({label for label, _outcome in self.counts})
        for label in labels:
            created = self.counts[(label, "created")]
            updated = self.counts[(label, "updated")]
            unchanged = self.counts[(label, "unchanged")]
            yield f"{label}: {created} created, {updated} updated, {unchanged} unchanged"


_LOADERS = {"reference": [], "demo": []}


def reference_loader(*, order, demo=False):
    def register(function):
        _LOADERS["demo" if demo else "reference"].append((order, function))
        return function

    return register


def loaders(kind):
    return [function for _order, function in sorted(_LOADERS[kind], key=lambda item: item[0])]


def upsert(report, model, lookup, values, *, create_only=None):
    """Create or update one row identified by ``lookup``; save only what differs.

    ``create_only`` values are set when the row is created and never overwritten,
    for the fields officers maintain afterwards (dates an officer confirms...).
    """
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model(**{**(create_only or {}), **values, **lookup})
        instance.full_clean()
        instance.save()
        report.count(model, "created")
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.full_clean()
        instance.save()
        report.count(model, "updated")
    else:
        report.count(model, "unchanged")
    return instance


def flag(report, subject, *, code, message, evidence):
    """Record an inconsistency of the sources on ``subject``; an officer's decision is kept."""
    content_type = ContentType.objects.get_for_model(subject)
    existing = DataFlag.objects.filter(
        content_type=content_type, object_id=subject.pk, code=code
    ).first()
    if existing is not None and existing.status != DataFlag.Status.OPEN:
        report.count(DataFlag, "unchanged")
        return existing
    return upsert(
        report,
        DataFlag,
        {"content_type": content_type, "object_id": subject.pk, "code": code},
        {"message": message, "evidence": evidence, "subject_label": str(subject)[:255]},
    )


def unflag(report, subject, *, code):
    """Withdraw a point the sources themselves settle, unless an officer already decided it."""
    existing = DataFlag.objects.filter(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        code=code,
        status=DataFlag.Status.OPEN,
    ).first()
    if existing is not None:
        existing.delete()
        report.count(DataFlag, "deleted")


def quote(document, wording):
    """Evidence entry: a value as the source words it, with the document it is in."""
    return {"document": document, "wording": wording}


def state(report, subject, document, sections):
    """Keep passages of a source document on the record they are about (``core.statements``).

    ``sections`` maps a section of ``core.statements`` to its passages in order, each a
    wording or a (label, wording) pair; ``wording`` is the passage word for word (« … » marks
    an elision), which the word-for-word test holds to its document. One query reads what is
    stored for the record; only what is new or changed is written."""
    content_type = ContentType.objects.get_for_model(subject)
    stored = {
        row.key: row
        for row in SourceStatement.objects.filter(content_type=content_type, object_id=subject.pk)
    }
    created = []
    for section, passages in sections.items():
        for position, passage in enumerate(passages):
            label, wording = passage if isinstance(passage, tuple) else ("", passage)
            values = {
                "section": section,
                "label": label,
                "position": position,
                "source_document": document,
                "source_wording": wording,
            }
            key = f"{section}-{position + 1}"
            row = stored.get(key)
            if row is None:
                row = SourceStatement(
                    content_type=content_type, object_id=subject.pk, key=key, **values
                )
                # The key is unique per record by construction: only the fields are checked.
                row.full_clean(validate_unique=False, validate_constraints=False)
                created.append(row)
                report.count(SourceStatement, "created")
            elif any(getattr(row, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                row.full_clean(validate_unique=False, validate_constraints=False)
                row.save()
                report.count(SourceStatement, "updated")
            else:
                report.count(SourceStatement, "unchanged")
    SourceStatement.objects.bulk_create(created)
