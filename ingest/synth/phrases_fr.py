"""French phrasing of NCB messages (BCN francophones: Paris, Niamey, Dakar, Tunis, Rabat).

Same slot syntax as :mod:`phrases_en`. French needs the location modifiers
``|to``/``|in`` ("en Libye", "au Niger", "à Tripoli"), ``|from`` ("de Libye",
"d'Italie", "du Caire"), ``|the`` ("la Libye") and the person modifier ``|de``
("de Khaled" / "d'Ahmed"), plus gender agreement ``{?p:interpellé|interpellée}``.
"""

from __future__ import annotations

import datetime as dt
import random

CODE = "fr"

LABELS = {
    "from": "DE",
    "to": "À",
    "reference": "RÉFÉRENCE",
    "date": "DATE",
    "subject": "OBJET",
    "case": "AFFAIRE",
    "category": "CATÉGORIE",
    "handling": "TRAITEMENT",
    "grading": "ÉVALUATION",
}
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
HANDLING = {
    "official": "INTERPOL – RÉSERVÉ À UN USAGE OFFICIEL",
    "restricted": "INTERPOL – DIFFUSION RESTREINTE",
    "confidential": "INTERPOL – CONFIDENTIEL",
}
CATEGORY = {
    "trafficking": ["Traite des êtres humains"],
    "smuggling": ["Trafic illicite de migrants", "Aide à l'immigration irrégulière"],
    "other:fraud": ["Autre – fraude documentaire"],
    "other:laundering": ["Autre – blanchiment d'argent"],
}
OPERATION = "Opération"
RECIPIENT_SEPARATOR = " ; "
CONJUNCTION = "et"

SUBJECTS = {
    "smuggling": [
        "Trafic de migrants {orig|from} {dest|to} – demande de renseignements",
        "Aide à l'entrée irrégulière – identification de suspects",
        "Réseau de passeurs – demande de vérifications",
        "Départs d'embarcations {orig|from} – échange d'informations",
    ],
    "trafficking": [
        "Traite des êtres humains {orig|from} {dest|to} – demande de renseignements",
        "TEH aux fins d'exploitation sexuelle – identification de suspects",
        "Réseau de traite – demande de vérifications téléphoniques",
    ],
    "other:fraud": ["Fraude documentaire liée à un réseau criminel – demande de vérification"],
    "other:laundering": [
        "Blanchiment du produit des activités du réseau – demande d'informations financières"
    ],
}

INTROS = {
    "smuggling": [
        "{ncb} présente ses compliments et se réfère à l'affaire citée en objet, relative à "
        "un réseau criminel organisant le trafic de migrants sur l'itinéraire {route}.",
        "Nous avons l'honneur de vous informer que les services de police {city|in} mènent une "
        "enquête sur une organisation facilitant le passage irrégulier de migrants sur "
        "l'itinéraire {route}.",
        "Une information judiciaire a été ouverte {city|in} à l'encontre d'un réseau de passeurs "
        "actif sur l'itinéraire {route}.",
    ],
    "trafficking": [
        "{ncb} présente ses compliments et se réfère à l'affaire citée en objet, relative à un "
        "réseau de traite acheminant des victimes sur l'itinéraire {route}.",
        "Une enquête a été ouverte {city|in} à l'encontre d'un groupe organisé recrutant et "
        "exploitant des victimes acheminées sur l'itinéraire {route}.",
    ],
    "other": [
        "{ncb} se réfère à l'affaire citée en objet et aux investigations financières et "
        "documentaires menées {city|in} concernant un réseau actif sur l'itinéraire {route}.",
    ],
}
FURTHER = [
    "Pour faire suite à notre message {prevref} du {prevdate}, veuillez trouver ci-dessous "
    "des éléments complémentaires.",
    "Le présent message complète notre message {prevref} en date du {prevdate}.",
]

TEMPLATES: dict[str, list[str]] = {
    "phone": [
        "{p} utilise le numéro de téléphone {ph}.",
        "Selon l'exploitation des téléphones saisis, {p} était en contact régulier avec les "
        "autres suspects au moyen du numéro {ph}.",
        "Le numéro {ph} est attribué à {p}, qui l'utilisait pour coordonner les départs.",
        "Les réquisitions auprès de l'opérateur ont établi que la ligne {ph} est utilisée par "
        "{p} depuis au moins le {date}.",
        "{p} était joignable au {ph}, numéro appelé à plusieurs reprises par les autres membres "
        "avant le départ.",
        "Les interceptions montrent que {p} utilise également le compte WhatsApp associé au "
        "numéro {ph}.",
    ],
    "phone_contact": [
        "Le téléphone saisi sur {p2} contenait le numéro {ph}, enregistré dans le répertoire et "
        "attribué à {p}.",
        "Les fadettes font apparaître plus de {n} appels entre {p2} et le numéro {ph}, utilisé "
        "par {p}.",
    ],
    "id_doc": [
        "{p} est titulaire {dd|du} n° {doc}.",
        "{p} a voyagé sous couvert {dd|du} n° {doc}.",
        "Lors de son interpellation, {p} a présenté {dd|un} n° {doc}, "
        "{?dd:délivré|délivrée} {issuer|in}.",
        "Les contrôles aux frontières montrent que {p} est {?p:entré|entrée} dans l'espace "
        "Schengen avec le document de voyage {doc} émis {issuer|in}.",
        "{p} est {?p:connu|connue} pour utiliser le document d'identité {doc}, délivré par les "
        "autorités {issuer|of}.",
    ],
    "forged_doc": [
        "L'expertise a établi que {dd|le} n° {doc} {?dd:utilisé|utilisée} par {p} est une "
        "contrefaçon réalisée par {f}.",
        "{f} est {?f:soupçonné|soupçonnée} d'avoir fourni à {p} le document falsifié {doc}.",
    ],
    "bank": [
        "{p} est titulaire du compte bancaire {acct}.",
        "Le produit des activités criminelles était déposé sur le compte {acct} ouvert au "
        "nom {p|de}.",
        "Les investigations financières ont identifié l'IBAN {acct}, détenu par {p}, comme le "
        "principal compte de réception des paiements.",
    ],
    "transfer_iban": [
        "Le {date}, {p} a viré {amt} sur le compte {acct} détenu par {p2}.",
        "Les relevés bancaires font apparaître un virement de {amt} effectué par {p} vers "
        "l'IBAN {acct}, ouvert au nom {p2|de}.",
        "Le {date}, {p} a transféré {amt} sur le compte {acct}.",
    ],
    "hawala": [
        "Le paiement de {amt} a été effectué par {p} par l'intermédiaire d'un hawaladar et "
        "récupéré par {p2} {loc|in}.",
        "{p2} agit comme hawaladar {loc|in} et a reçu {amt} de la part {p|de} pour le compte "
        "de l'organisation.",
    ],
    "payment": [
        "{m} a déclaré avoir versé {amt} à {p} pour le voyage.",
        "Chaque passager, dont {m}, a payé {amt} en espèces à {p} avant le départ.",
        "{m} a remis {amt} à {p}, qui lui avait promis d'organiser la suite du voyage.",
    ],
    "vehicle": [
        "{p} circule à bord {vd|du} immatriculé {veh}.",
        "{p} a été {?p:aperçu|aperçue} au volant {vd|du} immatriculé {veh}.",
        "Le {vd} immatriculé {veh}, utilisé par {p}, a été détecté par le système LAPI "
        "{loc|in} le {date}.",
    ],
    "vehicle_transport": [
        "Le {date}, {p} a transporté {ms} à bord {vd|du} immatriculé {veh}.",
        "{ms} ont été découverts dissimulés dans {vd|le} ({veh}) conduit par {p}.",
    ],
    "vessel": [
        "{p} est le capitaine du {vk} {vs} ({imo}), immatriculé {flag|in}.",
        "{p} a été {?p:identifié|identifiée} comme le patron du {vk} {vs}, {imo}, enregistré "
        "{flag|in}.",
        "Le {vk} {vs} ({imo}) est exploité par {p} et appareille régulièrement {loc|from}.",
    ],
    "sea_crossing": [
        "Le {date}, {p} a piloté une embarcation transportant {n} migrants {orig|from} {dest|to}.",
        "Le {vk} {vs} ({imo}) a quitté {orig} le {date} avec {n} migrants à bord et a été "
        "intercepté au large {dest|from}.",
        "Parmi les {n} personnes secourues sur l'embarcation pilotée par {p} figuraient {ms}.",
    ],
    "email": [
        "{p} utilise l'adresse électronique {em}.",
        "Des messages envoyés depuis {em}, compte attribué à {p}, servaient à proposer les "
        "traversées sur les réseaux sociaux.",
    ],
    "wallet": [
        "Une partie des profits a été convertie en cryptomonnaie et transférée vers le "
        "portefeuille {w}, contrôlé par {p}.",
        "{p} a reçu des paiements en {wc} sur l'adresse {w}.",
    ],
    "address": [
        "{p} réside à l'adresse suivante : {addr}.",
        "Une perquisition effectuée à l'adresse {addr}, domicile {p|de}, a permis la saisie de "
        "numéraire et de téléphones portables.",
        "{p} a été {?p:localisé|localisée} à l'adresse {addr}, où {?p:il|elle} vivait sous une "
        "fausse identité.",
    ],
    "company": [
        "{p} est {?p:le gérant|la gérante} de la société {org} ({ok}), située {loc|in}.",
        "La société {org}, immatriculée {loc|in} et dirigée par {p}, est soupçonnée de servir "
        "de façade au réseau.",
        "La société {org}, dont {p} est {?p:le dirigeant|la dirigeante}, a établi de faux "
        "contrats de travail au profit des victimes.",
    ],
    "company_address": [
        "Le siège de la société {org} se trouve à l'adresse {addr}.",
        "Les locaux de la société {org}, sis {addr}, ont été perquisitionnés le {date}.",
    ],
    "company_employee": [
        "{p} est {?p:employé|employée} par la société {org}.",
        "{p} figure parmi les salariés de la société {org}.",
    ],
    "company_vehicle": [
        "Le {vd} immatriculé {veh} appartient à la société {org}.",
    ],
    "company_account": [
        "La société {org} est titulaire du compte professionnel {acct}, crédité de nombreux "
        "dépôts en espèces.",
    ],
    "recruited": [
        "{v} a été {?v:recruté|recrutée} {loc|in} par {p}, qui lui avait promis un emploi de "
        "{job} à l'étranger.",
        "Selon ses déclarations, {v} a été {?v:approché|approchée} {loc|in} par {p}, qui a "
        "organisé son voyage.",
        "{p} est {?p:chargé|chargée} de recruter des victimes {loc|in}, dont {v}.",
    ],
    "exploited_sexual": [
        "À son arrivée {loc|in}, {v} a été {?v:remis|remise} à {p}, qui l'a "
        "{?v:contraint|contrainte} à se prostituer.",
        "{p} contrôlait {v} et récupérait ses gains quotidiens {loc|in}.",
    ],
    "exploited_labour": [
        "{v} a été {?v:contraint|contrainte} de travailler sans rémunération dans un "
        "établissement géré par {p} {loc|in}.",
        "{p} a confisqué le passeport {v|de} et l'a {?v:contraint|contrainte} à travailler "
        "{loc|in} pour rembourser sa dette de voyage.",
    ],
    "exploited_ransom": [
        "{v} a été {?v:séquestré|séquestrée} {loc|in} par {p}, qui exigeait une rançon de sa "
        "famille.",
        "{p} a torturé {v} dans un entrepôt {loc|in} afin d'obtenir le paiement de la rançon.",
    ],
    "debt": [
        "{p} a fait savoir à {v} qu'{?v:il|elle} devait rembourser une dette de {amt} pour son "
        "voyage.",
    ],
    "juju": [
        "Avant son départ, {v} a été {?v:soumis|soumise} à un serment juju organisé par {p} "
        "afin de garantir son obéissance.",
    ],
    "journey": [
        "{p} a voyagé {orig|from} {dest|to} en passant par {via}.",
        "{p} a quitté {orig} le {date} et a rejoint {dest} après avoir transité par {via}.",
        "Plusieurs personnes, dont {p}, ont suivi l'itinéraire {route}.",
    ],
    "route": [
        "Le réseau opère sur l'itinéraire {route}.",
    ],
    "travelled_with": [
        "{p} a voyagé en compagnie {p2|de} {orig|from} {dest|to}.",
        "{p} et {p2} ont été interceptés ensemble {loc|in} le {date}.",
    ],
    "arrest": [
        "Le {date}, {p} a été {?p:interpellé|interpellée} {loc|in} en exécution d'un mandat "
        "d'arrêt national.",
        "{p} a été {?p:appréhendé|appréhendée} par la police aux frontières {loc|in} alors "
        "qu'{?p:il|elle} tentait de quitter le territoire.",
        "{p} est actuellement {?p:détenu|détenue} {loc|in} dans l'attente de son jugement.",
        "{p} a été {?p:contrôlé|contrôlée} à un point de contrôle près {loc|from} avec {n} "
        "passagers à bord.",
    ],
    "seizure": [
        "Lors de la fouille {p|de} {loc|in}, les enquêteurs ont saisi deux téléphones "
        "portables, dont celui associé au numéro {ph}.",
        "Le téléphone saisi sur {p} lors de son interpellation {loc|in} correspond au numéro {ph}.",
    ],
    "associate": [
        "{p} est {?p:un proche connu|une proche connue} {p2|de}.",
        "Les surveillances ont permis d'observer {p} en compagnie {p2|de} à plusieurs reprises.",
        "{p} et {p2} se partageraient les profits des activités criminelles.",
    ],
    "organiser": [
        "{p} serait {?p:le chef|la cheffe} du réseau et opérerait depuis {loc|the}.",
        "Selon les renseignements recueillis, {p} coordonne les activités de l'organisation "
        "{loc|in}.",
    ],
    "transported": [
        "{p} a conduit {ms} {orig|from} {dest|to}.",
        "{ms} ont été transportés par {p} {dest|to}.",
    ],
}

FILLERS = {
    "any": [
        "L'enquête est conduite sous la direction du parquet compétent.",
        "Les investigations se poursuivent.",
        "Les suspects font un usage intensif de messageries chiffrées.",
        "Le réseau apparaît très structuré, avec des relais dans plusieurs pays.",
        "L'analyse des flux financiers est en cours.",
        "Ces informations sont transmises à des fins exclusivement policières.",
    ],
    "smuggling": [
        "Les migrants ont été pris en charge médicalement à leur débarquement.",
        "La plupart des migrants étaient démunis de documents d'identité.",
        "L'organisation exige entre 2 000 et 5 000 euros par personne pour la traversée.",
    ],
    "trafficking": [
        "Les victimes ont été orientées vers des structures d'accompagnement spécialisées.",
        "Les victimes refusent de coopérer par crainte de représailles contre leurs familles.",
    ],
    "other": [
        "Les documents ont été transmis au laboratoire pour expertise.",
        "Les montants en jeu excèdent largement les revenus déclarés des intéressés.",
    ],
}

REQUEST_LEADS = [
    "Au vu de ce qui précède, {ncb} est prié de bien vouloir :",
    "Nous vous saurions gré de bien vouloir effectuer les vérifications suivantes :",
]
REQUESTS: dict[str, list[str]] = {
    "phone": [
        "identifier le titulaire de la ligne {ph} et communiquer les données de trafic "
        "disponibles ;",
        "préciser si le numéro {ph}, utilisé par {p}, est actif dans votre pays ;",
    ],
    "person": [
        "indiquer si {p} est {?p:connu|connue} de vos services ;",
        "communiquer les antécédents judiciaires et adresses connues {p|de} ;",
    ],
    "id_doc": ["vérifier l'authenticité {dd|du} n° {doc} présenté par {p} ;"],
    "bank": ["communiquer l'identité du titulaire et les mouvements du compte {acct} ;"],
    "vehicle": ["identifier le propriétaire du véhicule immatriculé {veh} ;"],
    "vessel": ["vérifier si le navire {vs} ({imo}) est enregistré dans votre pays ;"],
    "org": [
        "préciser si la société {org} est immatriculée dans votre pays et communiquer "
        "l'identité de ses dirigeants ;"
    ],
    "address": ["confirmer si {p} réside toujours à l'adresse {addr} ;"],
}
CLOSINGS = [
    "Toute réponse devra rappeler la référence ci-dessus.",
    "{ncb} vous remercie par avance de votre collaboration.",
]
SIGNATURES = [
    ["Cordialement,", "{ncb}"],
    ["L'officier de permanence,", "{ncb}"],
    ["Salutations distinguées,", "{ncb} – Salle de commandement"],
]
ANNEX = (
    "Les relevés d'appels et les données de transferts d'argent obtenus sont joints "
    "en annexe ({file})."
)

EMAIL_GREETINGS = ["Cher collègue,", "Chers collègues,", "Bonjour,"]
EMAIL_OPENERS = [
    "Suite à notre entretien téléphonique, veuillez trouver ci-dessous les éléments "
    "concernant l'affaire {case}.",
    "Comme convenu, voici les informations relatives à notre référence {ref}.",
    "Point rapide sur l'affaire {case} :",
]
EMAIL_REQUESTS = [
    "Pourriez-vous vérifier les éléments suivants de votre côté ?",
    "Merci de bien vouloir procéder aux vérifications suivantes :",
]
EMAIL_SIGNOFFS = [
    ["Bien cordialement,", "L'officier de liaison", "{ncb}"],
    ["Cordialement,", "{ncb}"],
]
EMAIL_ATTACHMENT_NOTE = "La liste des numéros figure en pièce jointe ({file})."

# ---------------------------------------------------------------- terms

VEHICLE_KINDS = {"car": "véhicule", "van": "fourgon", "truck": "camion", "pickup": "pick-up"}
COLOURS_F = {
    "white": "blanche",
    "black": "noire",
    "grey": "grise",
    "blue": "bleue",
    "red": "rouge",
    "silver": "gris argenté",
    "green": "verte",
    "beige": "beige",
}
VESSEL_KINDS = {"fishing": "navire de pêche", "cargo": "cargo", "tug": "remorqueur"}
ORG_KINDS = {
    "travel_agency": "agence de voyages",
    "transport": "société de transport",
    "money_exchange": "bureau de change",
    "fishing": "armement de pêche",
    "modelling": "agence de mannequins",
    "hair_salon": "salon de coiffure",
    "massage": "salon de massage",
    "nail_salon": "onglerie",
    "car_wash": "station de lavage",
    "recruitment": "agence d'intérim",
    "nightclub": "discothèque",
    "agriculture": "exploitation agricole",
    "construction": "entreprise de BTP",
}
JOBS = {
    "hairdresser": ("coiffeur", "coiffeuse"),
    "domestic": ("employé de maison", "employée de maison"),
    "waiter": ("serveur", "serveuse"),
    "shop": ("vendeur", "vendeuse"),
    "nanny": ("aide à domicile", "nourrice"),
    "farm": ("ouvrier agricole", "ouvrière agricole"),
}
CURRENCY_NAMES = {
    "EUR": "euros",
    "USD": "dollars américains",
    "GBP": "livres sterling",
    "LYD": "dinars libyens",
    "TND": "dinars tunisiens",
    "MAD": "dirhams",
    "XOF": "francs CFA",
}


def _art(text: str, mod: str, gender: str) -> str:
    vowel = text[:1].lower() in "aeiouéèêâîôûh"
    if mod == "un":
        return f"{'un' if gender == 'm' else 'une'} {text}"
    if mod == "le":
        return f"l'{text}" if vowel else f"{'le' if gender == 'm' else 'la'} {text}"
    if mod == "du":
        return f"de l'{text}" if vowel else f"{'du' if gender == 'm' else 'de la'} {text}"
    return text


def doc_gender(kind: str) -> str:
    return "m" if kind == "passport" else "f"


def doc_desc(kind: str, adj_m: str, adj_f: str, mod: str) -> str:
    text = f"passeport {adj_m}" if kind == "passport" else f"carte d'identité {adj_f}"
    return _art(text, mod, doc_gender(kind))


def vehicle_desc(make: str, kind: str, colour: str, mod: str) -> str:
    return _art(f"{VEHICLE_KINDS[kind]} {make} de couleur {COLOURS_F[colour]}", mod, "m")


def org_kind(kind: str, mod: str) -> str:
    return ORG_KINDS[kind]


def job(key: str, gender: str, mod: str) -> str:
    return JOBS[key][0 if gender == "m" else 1]


def number(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def money(amount: int, currency: str, rng: random.Random) -> str:
    n = number(amount)
    r = rng.random()
    if currency in CURRENCY_NAMES and r < 0.5:
        return f"{n} {CURRENCY_NAMES[currency]}"
    if currency == "EUR" and r < 0.7:
        return f"{n} €"
    return f"{n} {currency}"


def _day(d: dt.date) -> str:
    return "1er" if d.day == 1 else str(d.day)


def date_text(d: dt.date, rng: random.Random, levantine: bool = False) -> str:
    if rng.random() < 0.7:
        return f"{_day(d)} {MONTHS[d.month - 1]} {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def date_header(d: dt.date, rng: random.Random, levantine: bool = False) -> str:
    r = rng.random()
    if r < 0.6:
        return f"{_day(d)} {MONTHS[d.month - 1]} {d.year}"
    if r < 0.9:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def descriptor(gender: str, birth: dt.date, nat_adj_f: str, rng: random.Random) -> str:
    """ " (né le 02/05/1984, de nationalité libyenne)"; French uses the feminine adjective."""
    ne = "né" if gender == "m" else "née"
    if rng.random() < 0.6:
        return (
            f" ({ne} le {birth.day:02d}/{birth.month:02d}/{birth.year}, de nationalité {nat_adj_f})"
        )
    return (
        f" (de nationalité {nat_adj_f}, {ne} le {_day(birth)} {MONTHS[birth.month - 1]} "
        f"{birth.year})"
    )


def alias_forms(gender: str) -> list[tuple[str, str]]:
    dit = "dit" if gender == "m" else "dite"
    return [(" alias « ", " »"), (f" {dit} « ", " »")]
