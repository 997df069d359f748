"""English phrasing of NCB messages: header labels, sentence templates, fillers.

Template slots: ``{p}`` person, ``{ph}`` phone, ``{dest|to}`` location with its
preposition, ``{?p:he|she}`` gender agreement with slot ``p`` (see
:mod:`render` for the full syntax). Every slot naming an entity becomes a
mention with exact offsets; a template may only name entities through slots.
"""

from __future__ import annotations

import datetime as dt
import random

CODE = "en"

LABELS = {
    "from": "FROM",
    "to": "TO",
    "reference": "REFERENCE",
    "date": "DATE",
    "subject": "SUBJECT",
    "case": "CASE",
    "category": "CATEGORY",
    "handling": "HANDLING",
    "grading": "GRADING",
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
HANDLING = {
    "official": "INTERPOL FOR OFFICIAL USE ONLY",
    "restricted": "INTERPOL RESTRICTED",
    "confidential": "INTERPOL CONFIDENTIAL",
}
CATEGORY = {
    "trafficking": ["Trafficking in human beings", "Human trafficking"],
    "smuggling": ["Migrant smuggling", "Smuggling of migrants"],
    "other:fraud": ["Other – document fraud"],
    "other:laundering": ["Other – money laundering"],
}
OPERATION = "Operation"
RECIPIENT_SEPARATOR = "; "
CONJUNCTION = "and"

SUBJECTS = {
    "smuggling": [
        "Migrant smuggling from {orig} to {dest} – request for information",
        "Smuggling of migrants from {orig} to {dest} – exchange of information",
        "Facilitation of irregular migration – identification of suspects",
        "Migrant smuggling network – request for checks",
        "Boat departures from {orig} – request for information",
    ],
    "trafficking": [
        "Trafficking in human beings from {orig} to {dest} – request for information",
        "THB for sexual exploitation – identification of suspects",
        "Human trafficking network – request for checks on phone numbers",
        "Trafficking of victims from {orig} – exchange of information",
    ],
    "other:fraud": [
        "Document fraud linked to a criminal network – request for verification",
        "Forged travel documents – request for checks",
    ],
    "other:laundering": [
        "Money laundering – proceeds of the network – request for financial information",
        "Financial flows of a criminal network – request for bank information",
    ],
}

INTROS = {
    "smuggling": [
        "{ncb} presents its compliments and refers to the above-mentioned case concerning a "
        "criminal network smuggling migrants along the route {route}.",
        "Reference is made to the investigation conducted by the Public Prosecutor's Office "
        "{city|in} into an organisation facilitating the irregular crossing of migrants "
        "along the route {route}.",
        "Please be informed that the police authorities {city|in} are investigating a network "
        "that organises the journeys of migrants along the route {route}.",
    ],
    "trafficking": [
        "{ncb} presents its compliments and refers to the above-mentioned case concerning a "
        "network trafficking victims along the route {route}.",
        "Reference is made to the investigation opened {city|in} into an organised group "
        "recruiting and exploiting victims transported along the route {route}.",
        "Please be informed that the anti-trafficking unit {city|in} has identified a network "
        "moving victims along the route {route}.",
    ],
    "other": [
        "{ncb} refers to the above-mentioned case and to the financial and documentary "
        "enquiries conducted {city|in} in connection with a network operating along the "
        "route {route}.",
        "Reference is made to the parallel investigation opened {city|in} into the assets "
        "and documents of a network active along the route {route}.",
    ],
}
FURTHER = [
    "Further to our message {prevref} of {prevdate}, please find below additional information.",
    "This message follows up on our message {prevref} dated {prevdate}.",
]

TEMPLATES: dict[str, list[str]] = {
    "phone": [
        "{p} uses the mobile number {ph}.",
        "According to the analysis of the seized devices, {p} was in regular contact with the "
        "other suspects through the number {ph}.",
        "The number {ph} is attributed to {p}, who used it to coordinate the departures.",
        "Subscriber checks revealed that the line {ph} has been used by {p} since at least {date}.",
        "{p} was reachable on {ph}, a number repeatedly dialled by the other members of the group.",
        "Intercepted communications show that {p} also operates the WhatsApp account linked "
        "to {ph}.",
    ],
    "phone_contact": [
        "The phone seized from {p2} contained the number {ph}, saved in the contact list and "
        "attributed to {p}.",
        "Call records show more than {n} calls between {p2} and the number {ph}, used by {p}.",
    ],
    "id_doc": [
        "{p} holds {dd|a} no. {doc}.",
        "{p} travelled on {dd|a} bearing the number {doc}.",
        "At the time of the arrest, {p} produced {dd|a} no. {doc}, issued in {issuer}.",
        "Border checks show that {p} entered the Schengen area with the travel document {doc} "
        "issued in {issuer}.",
        "{p} is known to use the identity document {doc}, issued by the authorities of "
        "{issuer|the}.",
    ],
    "forged_doc": [
        "Forensic examination established that {dd|the} no. {doc} used by {p} is a "
        "counterfeit produced by {f}.",
        "{f} is suspected of having supplied {p} with the falsified document {doc}.",
    ],
    "bank": [
        "{p} holds the bank account {acct}.",
        "Criminal proceeds were deposited on the account {acct} opened in the name of {p}.",
        "Financial enquiries identified the IBAN {acct}, held by {p}, as the main account used "
        "to receive payments.",
    ],
    "transfer_iban": [
        "On {date}, {p} transferred {amt} to the account {acct} held by {p2}.",
        "Bank records show a transfer of {amt} from {p} to IBAN {acct}, in the name of {p2}.",
        "On {date}, {p} wired {amt} to the account {acct}.",
    ],
    "hawala": [
        "The payment of {amt} was made by {p} through a hawala broker and collected by {p2} "
        "{loc|in}.",
        "{p2} acts as a hawaladar {loc|in} and received {amt} from {p} on behalf of the "
        "organisation.",
    ],
    "payment": [
        "{m} stated that {?m:he|she} paid {amt} to {p} for the journey.",
        "Each passenger, including {m}, paid {amt} in cash to {p} before departure.",
        "{m} declared having handed {amt} to {p}, who promised to organise the rest of the "
        "journey.",
    ],
    "vehicle": [
        "{p} drives a {vd} registered {veh}.",
        "{p} was seen at the wheel of a {vd} with registration number {veh}.",
        "The {vd} with plates {veh}, used by {p}, was recorded by ANPR cameras {loc|in} on {date}.",
    ],
    "vehicle_transport": [
        "On {date}, {p} transported {ms} aboard a {vd} registered {veh}.",
        "{ms} were found hidden in the {vd} ({veh}) driven by {p}.",
    ],
    "vessel": [
        "{p} is the captain of the {vk} {vs} ({imo}), flying the flag of {flag|the}.",
        "{p} was identified as the skipper of the {vk} {vs}, {imo}, registered in {flag|the}.",
        "The {vk} {vs} ({imo}) is operated by {p} and regularly departs from {loc}.",
    ],
    "sea_crossing": [
        "On {date}, {p} steered a boat carrying {n} migrants {orig|from} {dest|to}.",
        "The {vk} {vs} ({imo}) left {orig} on {date} with {n} migrants on board and was "
        "intercepted off {dest}.",
        "Among the {n} persons rescued from the boat skippered by {p} were {ms}.",
    ],
    "email": [
        "{p} uses the e-mail address {em}.",
        "Messages sent from {em}, an account attributed to {p}, were used to advertise the "
        "trips on social media.",
    ],
    "wallet": [
        "Part of the proceeds were converted into cryptocurrency and sent to the wallet {w}, "
        "controlled by {p}.",
        "{p} received payments in {wc} on the address {w}.",
    ],
    "address": [
        "{p} resides at {addr}.",
        "A search carried out at {addr}, the residence of {p}, led to the seizure of cash and "
        "mobile phones.",
        "{p} was located at {addr}, where {?p:he|she} had been living under a false identity.",
    ],
    "company": [
        "{p} is the manager of {org}, {ok|a} based {loc|in}.",
        "{org}, registered {loc|in} and directed by {p}, is suspected of being used as a "
        "front for the network.",
        "The company {org} ({ok}), whose director is {p}, issued fictitious work contracts "
        "to the victims.",
    ],
    "company_address": [
        "{org} has its registered office at {addr}.",
        "The premises of {org} at {addr} were searched on {date}.",
    ],
    "company_employee": [
        "{p} is employed by {org}.",
        "{p} is listed as an employee of {org}.",
    ],
    "company_vehicle": [
        "The {vd} registered {veh} belongs to the company {org}.",
    ],
    "company_account": [
        "{org} holds the business account {acct}, which received numerous cash deposits.",
    ],
    "recruited": [
        "{v} was recruited {loc|in} by {p}, who promised {?v:him|her} a job as {job|a} abroad.",
        "According to {?v:his|her} statement, {v} was approached {loc|in} by {p}, who organised "
        "the journey.",
        "{p} is responsible for recruiting young people {loc|in}, among them {v}.",
    ],
    "exploited_sexual": [
        "Upon arrival {loc|in}, {v} was handed over to {p}, who forced {?v:him|her} into "
        "prostitution.",
        "{p} controlled {v} and collected {?v:his|her} daily earnings {loc|in}.",
    ],
    "exploited_labour": [
        "{v} was forced to work without pay at premises managed by {p} {loc|in}.",
        "{p} confiscated the passport of {v} and forced {?v:him|her} to work {loc|in} to "
        "repay a travel debt.",
    ],
    "exploited_ransom": [
        "{v} was held captive {loc|in} by {p}, who demanded a ransom from the family.",
        "{p} tortured {v} in a warehouse {loc|in} while the family was forced to pay.",
    ],
    "debt": [
        "{v} was told by {p} that {?v:he|she} owed a debt of {amt} for the journey.",
    ],
    "juju": [
        "Before departure, {v} was subjected to a juju oath ceremony organised by {p} to "
        "ensure {?v:his|her} obedience.",
    ],
    "journey": [
        "{p} travelled {orig|from} {dest|to} via {via}.",
        "{p} left {orig} on {date} and reached {dest} after transiting through {via}.",
        "Several persons, among them {p}, followed the route {route}.",
    ],
    "route": [
        "The network operates along the route {route}.",
    ],
    "travelled_with": [
        "{p} travelled together with {p2} {orig|from} {dest|to}.",
        "{p} and {p2} were intercepted together {loc|in} on {date}.",
    ],
    "arrest": [
        "On {date}, {p} was arrested {loc|in} on the basis of a national arrest warrant.",
        "{p} was apprehended by the border police {loc|in} while attempting to leave the country.",
        "{p} is currently detained {loc|in} awaiting trial.",
        "{p} was stopped at a checkpoint near {loc} with {n} passengers on board.",
    ],
    "seizure": [
        "During the search of {p} {loc|in}, officers seized two mobile phones, including the "
        "one linked to {ph}.",
        "The phone seized from {p} at the time of the arrest {loc|in} uses the number {ph}.",
    ],
    "associate": [
        "{p} is a known associate of {p2}.",
        "Surveillance showed {p} meeting {p2} on several occasions.",
        "{p} and {p2} are believed to share the proceeds of the criminal activities.",
    ],
    "organiser": [
        "{p} is believed to be the leader of the network and operates from {loc}.",
        "Intelligence indicates that {p} coordinates the activities of the organisation {loc|in}.",
    ],
    "transported": [
        "{p} drove {ms} {orig|from} {dest|to}.",
        "{ms} were transported by {p} {dest|to}.",
    ],
}

FILLERS = {
    "any": [
        "The investigation is being conducted under the direction of the competent prosecutor.",
        "Further enquiries are ongoing.",
        "The suspects make extensive use of encrypted messaging applications.",
        "The network appears to be highly structured, with cells in several countries.",
        "Analysis of the financial flows is ongoing.",
        "The information above is provided for police purposes only.",
        "Witness statements are consistent on the main points.",
    ],
    "smuggling": [
        "The migrants were provided with medical assistance upon disembarkation.",
        "Most of the migrants were not in possession of identity documents.",
        "The organisation charges between 2,000 and 5,000 euros per person for the crossing.",
        "Departures are organised at night, mainly when sea conditions are favourable.",
    ],
    "trafficking": [
        "The victims were referred to specialised support services.",
        "The victims are reluctant to cooperate out of fear of reprisals against their families.",
        "The victims were housed in overcrowded apartments under constant surveillance.",
    ],
    "other": [
        "The documents were sent to the forensic laboratory for examination.",
        "The amounts involved exceed what the suspects could justify from legitimate income.",
    ],
}

REQUEST_LEADS = [
    "In view of the above, {ncb} is kindly requested to:",
    "{ncb} is requested to carry out the following checks:",
    "We would be grateful if {ncb} could:",
]
REQUESTS: dict[str, list[str]] = {
    "phone": [
        "identify the subscriber of the number {ph} and provide any available traffic data;",
        "confirm whether the number {ph}, used by {p}, is active in your country;",
    ],
    "person": [
        "check in your national databases whether {p} is known to your services;",
        "provide any criminal record and known addresses of {p};",
    ],
    "id_doc": ["verify the authenticity of {dd|the} no. {doc} presented by {p};"],
    "bank": ["provide the identity of the holder and the transactions of the account {acct};"],
    "vehicle": ["identify the owner of the vehicle registered {veh};"],
    "vessel": ["check whether the vessel {vs} ({imo}) is registered in your country;"],
    "org": [
        "advise whether {org} is registered in your country and provide the names of its directors;"
    ],
    "address": ["confirm whether {p} still resides at {addr};"],
}
CLOSINGS = [
    "Any reply should quote the reference above.",
    "{ncb} thanks you in advance for your cooperation.",
    "Please treat this information in accordance with the handling code indicated.",
]
SIGNATURES = [
    ["Best regards,", "{ncb}"],
    ["Kind regards,", "Duty officer", "{ncb}"],
    ["Regards,", "{ncb} – Operations Room"],
]
ANNEX = "The call detail records and money transfer data obtained are attached ({file})."

EMAIL_GREETINGS = ["Dear colleague,", "Dear colleagues,", "Hello,"]
EMAIL_OPENERS = [
    "Following our telephone conversation, please find below the information on case {case}.",
    "As agreed, here are the details regarding our reference {ref}.",
    "Quick update on case {case}:",
]
EMAIL_REQUESTS = [
    "Could you please check the following on your side?",
    "Can you run the following checks for us?",
]
EMAIL_SIGNOFFS = [
    ["Kind regards,", "Liaison officer", "{ncb}"],
    ["Best,", "{ncb}"],
    ["Thanks in advance,", "Specialised operations unit", "{ncb}"],
]
EMAIL_ATTACHMENT_NOTE = "The list of numbers is attached ({file})."

# ---------------------------------------------------------------- terms

DOC_KINDS = {"passport": "passport", "id_card": "identity card"}
VEHICLE_KINDS = {"car": "car", "van": "van", "truck": "lorry", "pickup": "pick-up"}
COLOURS = {c: c for c in ["white", "black", "grey", "blue", "red", "silver", "green", "beige"]}
VESSEL_KINDS = {"fishing": "fishing vessel", "cargo": "cargo ship", "tug": "tugboat"}
ORG_KINDS = {
    "travel_agency": "travel agency",
    "transport": "transport company",
    "money_exchange": "money exchange office",
    "fishing": "fishing company",
    "modelling": "modelling agency",
    "hair_salon": "hair salon",
    "massage": "massage parlour",
    "nail_salon": "nail bar",
    "car_wash": "hand car wash",
    "recruitment": "employment agency",
    "nightclub": "nightclub",
    "agriculture": "farming company",
    "construction": "construction company",
}
JOBS = {
    "hairdresser": ("hairdresser", "hairdresser"),
    "domestic": ("domestic worker",) * 2,
    "waiter": ("waiter", "waitress"),
    "shop": ("shop assistant",) * 2,
    "nanny": ("carer", "nanny"),
    "farm": ("farm worker",) * 2,
}
CURRENCY_NAMES = {"EUR": "euros", "USD": "US dollars", "GBP": "pounds sterling"}


def article(word: str) -> str:
    """Indefinite article for ``word``."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def with_article(text: str, mod: str) -> str:
    if mod == "a":
        return f"{article(text)} {text}"
    if mod == "the":
        return f"the {text}"
    return text


def doc_desc(kind: str, adj_m: str, adj_f: str, mod: str) -> str:
    """ "a Nigerian passport", "the Italian identity card"..."""
    return with_article(f"{adj_m} {DOC_KINDS[kind]}", mod)


def vehicle_desc(make: str, kind: str, colour: str, mod: str) -> str:
    return with_article(f"{COLOURS[colour]} {make} {VEHICLE_KINDS[kind]}", mod)


def org_kind(kind: str, mod: str) -> str:
    return with_article(ORG_KINDS[kind], mod)


def job(key: str, gender: str, mod: str) -> str:
    word = JOBS[key][0 if gender == "m" else 1]
    return with_article(word, mod)


def number(n: int) -> str:
    return f"{n:,}"


def money(amount: int, currency: str, rng: random.Random) -> str:
    r = rng.random()
    if currency in CURRENCY_NAMES and r < 0.4:
        return f"{amount:,} {CURRENCY_NAMES[currency]}"
    if currency == "EUR" and r < 0.55:
        return f"€{amount:,}"
    if currency == "GBP" and r < 0.55:
        return f"£{amount:,}"
    return f"{currency} {amount:,}"


def date_text(d: dt.date, rng: random.Random, levantine: bool = False) -> str:
    r = rng.random()
    if r < 0.65:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if r < 0.9:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def date_header(d: dt.date, rng: random.Random, levantine: bool = False) -> str:
    r = rng.random()
    if r < 0.6:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if r < 0.8:
        return d.isoformat()
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def descriptor(gender: str, birth: dt.date, nat_adj: str, rng: random.Random) -> str:
    """Parenthesis introducing a person: " (born 02/05/1984, Libyan national)"."""
    r = rng.random()
    if r < 0.5:
        return f" (born {birth.day:02d}/{birth.month:02d}/{birth.year}, {nat_adj} national)"
    if r < 0.8:
        return f" ({nat_adj} national, born on {birth.day} {MONTHS[birth.month - 1]} {birth.year})"
    return f" (DOB {birth.isoformat()}, {nat_adj})"


ALIAS_FORMS = [(' alias "', '"'), (' (a.k.a. "', '")'), (" alias '", "'")]


def alias_forms(gender: str) -> list[tuple[str, str]]:
    return ALIAS_FORMS
