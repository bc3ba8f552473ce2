"""Organisations named in the source documents."""

from accounts.models import Organisation, OrganisationType
from core.reference import CONVENTION_DOCUMENT, PLAN_DOCUMENT, reference_loader, upsert

ORGANISATIONS = [
    {
        "name": "Région Hauts-de-France",
        "kind": OrganisationType.LOCAL_AUTHORITY,
        "legal_form": "Collectivité territoriale",
        "source_document": PLAN_DOCUMENT,
        "source_wording": "Plan d’actions de la Région Hauts-de-France pour l’industrie circulaire",
    },
    {
        "name": "Agence de la transition écologique",
        "short_name": "ADEME",
        "kind": OrganisationType.STATE_AGENCY,
        "legal_form": "Établissement public",
        "source_document": PLAN_DOCUMENT,
        "source_wording": "« Comité d’articulation des fonds Rev3 » qui \nrassemble la Région et l’ADEME",
    },
    {
        "name": "Communauté d'Agglomération de Béthune-Bruay, Artois Lys Romane",
        "short_name": "CABBALR",
        "kind": OrganisationType.LOCAL_AUTHORITY,
        "legal_form": "Etablissement Public de Coopération Intercommunale",
        "city": "Béthune",
        "source_document": CONVENTION_DOCUMENT,
        "source_wording": "Communauté d'Agglomération de Béthune-Bruay, Artois Lys Romane**,  \n"
        "Etablissement Public de Coopération Intercommunale",
    },
    {
        "name": "TEAM2",
        "short_name": "TEAM2",
        "kind": OrganisationType.ASSOCIATION,
        "legal_form": "Association de loi 1901",
        "identifier": "52882726400029",
        "city": "Lens",
        "source_document": CONVENTION_DOCUMENT,
        "source_wording": "Association de loi 1901, immatriculée sous le N° SIRET 528 827 264 000 29",
    },
    *[
        {
            "name": name,
            "kind": OrganisationType.ECO_ORGANISATION,
            "source_document": PLAN_DOCUMENT,
            "source_wording": "éco \n\norganismes concernés (Ecomineraux, Valobat, Ecomaison et Valdelia)",
        }
        for name in ("Ecomineraux", "Valobat", "Ecomaison", "Valdelia")
    ],
]


@reference_loader(order=10)
def load_organisations(report):
    for entry in ORGANISATIONS:
        values = {"short_name": "", "legal_form": "", "identifier": "", "city": "", **entry}
        name = values.pop("name")
        upsert(report, Organisation, {"name": name}, values)
