"""Spanish phrasing of NCB messages (OCN Madrid, Bogotá, México, Lima).

Same slot syntax as :mod:`phrases_en`. The renderer turns "y" into "e" before a
name starting with an /i/ sound ("Osagie e Ibrahim") without moving offsets.
"""

from __future__ import annotations

import datetime as dt
import random

CODE = "es"

LABELS = {
    "from": "DE",
    "to": "PARA",
    "reference": "REFERENCIA",
    "date": "FECHA",
    "subject": "ASUNTO",
    "case": "CASO",
    "category": "CATEGORÍA",
    "handling": "TRATAMIENTO",
    "grading": "CALIFICACIÓN",
}
MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
HANDLING = {
    "official": "INTERPOL – SOLO PARA USO OFICIAL",
    "restricted": "INTERPOL – RESTRINGIDO",
    "confidential": "INTERPOL – CONFIDENCIAL",
}
CATEGORY = {
    "trafficking": ["Trata de seres humanos", "Trata de personas"],
    "smuggling": ["Tráfico ilícito de migrantes"],
    "other:fraud": ["Otro – fraude documental"],
    "other:laundering": ["Otro – blanqueo de capitales"],
}
OPERATION = "Operación"
RECIPIENT_SEPARATOR = "; "
CONJUNCTION = "y"

SUBJECTS = {
    "smuggling": [
        "Tráfico de migrantes {orig|from} {dest|to} – solicitud de información",
        "Favorecimiento de la inmigración irregular – identificación de investigados",
        "Red de tráfico de migrantes – solicitud de comprobaciones",
    ],
    "trafficking": [
        "Trata de seres humanos {orig|from} {dest|to} – solicitud de información",
        "Trata con fines de explotación sexual – identificación de investigados",
        "Red de trata – solicitud de comprobaciones telefónicas",
    ],
    "other:fraud": ["Fraude documental vinculado a una red criminal – solicitud de verificación"],
    "other:laundering": [
        "Blanqueo de los beneficios de la red – solicitud de información financiera"
    ],
}

INTROS = {
    "smuggling": [
        "{ncb} saluda atentamente y hace referencia al caso indicado, relativo a una red "
        "criminal dedicada al tráfico de migrantes en la ruta {route}.",
        "Se informa de que la policía {city|in} investiga a una organización que facilita el "
        "paso irregular de migrantes por la ruta {route}.",
        "El juzgado de instrucción {city|in} tramita diligencias contra una red de tráfico de "
        "migrantes que opera en la ruta {route}.",
    ],
    "trafficking": [
        "{ncb} saluda atentamente y hace referencia al caso indicado, relativo a una red de "
        "trata que traslada a sus víctimas por la ruta {route}.",
        "Se informa de la investigación abierta {city|in} contra un grupo organizado que capta "
        "y explota a víctimas trasladadas por la ruta {route}.",
    ],
    "other": [
        "{ncb} hace referencia al caso indicado y a las investigaciones patrimoniales y "
        "documentales realizadas {city|in} sobre una red activa en la ruta {route}.",
    ],
}
FURTHER = [
    "En relación con nuestro mensaje {prevref} de {prevdate}, se remite información "
    "complementaria.",
    "El presente mensaje amplía nuestro mensaje {prevref} de fecha {prevdate}.",
]

TEMPLATES: dict[str, list[str]] = {
    "phone": [
        "{p} utiliza el número de teléfono {ph}.",
        "Según el análisis de los dispositivos intervenidos, {p} mantenía contacto habitual con "
        "el resto de investigados a través del número {ph}.",
        "El número {ph} se atribuye a {p}, quien lo utilizaba para coordinar las salidas.",
        "Las gestiones con la operadora revelaron que la línea {ph} es utilizada por {p} al "
        "menos desde el {date}.",
        "{p} era localizable en el {ph}, número al que llamaban repetidamente "
        "otros miembros del grupo.",
        "Las intervenciones telefónicas muestran que {p} también gestiona la cuenta de "
        "WhatsApp asociada al número {ph}.",
    ],
    "phone_contact": [
        "En el teléfono intervenido a {p2} figuraba el número {ph}, guardado en la agenda y "
        "atribuido a {p}.",
        "Los listados de llamadas reflejan más de {n} comunicaciones entre {p2} y el número "
        "{ph}, utilizado por {p}.",
    ],
    "id_doc": [
        "{p} es titular {dd|del} n.º {doc}.",
        "{p} viajó con {dd|un} número {doc}.",
        "En el momento de su detención, {p} exhibió {dd|un} n.º {doc}, expedido {issuer|in}.",
        "Los controles fronterizos muestran que {p} entró en el espacio Schengen con el "
        "documento de viaje {doc} expedido {issuer|in}.",
        "{p} utiliza habitualmente el documento de identidad {doc}, expedido por las "
        "autoridades {issuer|from}.",
    ],
    "forged_doc": [
        "El informe pericial determinó que {dd|el} n.º {doc} utilizado por {p} es una "
        "falsificación elaborada por {f}.",
        "Se sospecha que {f} proporcionó a {p} el documento falsificado {doc}.",
    ],
    "bank": [
        "{p} es titular de la cuenta bancaria {acct}.",
        "Los beneficios ilícitos se ingresaban en la cuenta {acct}, abierta a nombre de {p}.",
        "Las investigaciones patrimoniales identificaron el IBAN {acct}, cuyo titular es {p}, "
        "como la principal cuenta receptora de los pagos.",
    ],
    "transfer_iban": [
        "El {date}, {p} transfirió {amt} a la cuenta {acct}, cuyo titular es {p2}.",
        "Los extractos bancarios reflejan una transferencia de {amt} realizada por {p} al IBAN "
        "{acct}, a nombre de {p2}.",
        "El {date}, {p} ingresó {amt} en la cuenta {acct}.",
    ],
    "hawala": [
        "El pago de {amt} fue realizado por {p} a través de un hawaladar y cobrado por {p2} "
        "{loc|in}.",
        "{p2} actúa como hawaladar {loc|in} y recibió {amt} de {p} por cuenta de la organización.",
    ],
    "payment": [
        "{m} declaró haber pagado {amt} a {p} por el viaje.",
        "Cada pasajero, entre ellos {m}, pagó {amt} en efectivo a {p} antes de la salida.",
        "{m} entregó {amt} a {p}, quien le prometió organizar el resto del viaje.",
    ],
    "vehicle": [
        "{p} conduce {vd|un} con matrícula {veh}.",
        "{p} fue {?p:visto|vista} al volante de {vd|un} con matrícula {veh}.",
        "El vehículo {vd} con matrícula {veh}, utilizado por {p}, fue detectado por las "
        "cámaras de lectura de matrículas {loc|in} el {date}.",
    ],
    "vehicle_transport": [
        "El {date}, {p} trasladó a {ms} a bordo de {vd|un} con matrícula {veh}.",
        "{ms} fueron hallados ocultos en el vehículo {vd} ({veh}) conducido por {p}.",
    ],
    "vessel": [
        "{p} es el patrón del {vk} {vs} ({imo}), con pabellón {flag|from}.",
        "{p} fue {?p:identificado|identificada} como patrón del {vk} {vs}, {imo}, abanderado "
        "{flag|in}.",
        "El {vk} {vs} ({imo}) es operado por {p} y zarpa habitualmente {loc|from}.",
    ],
    "sea_crossing": [
        "El {date}, {p} pilotó una embarcación con {n} migrantes {orig|from} {dest|to}.",
        "El {vk} {vs} ({imo}) zarpó {orig|from} el {date} con {n} migrantes a bordo y fue "
        "interceptado frente a {dest}.",
        "Entre las {n} personas rescatadas de la embarcación patroneada por {p} se encontraban "
        "{ms}.",
    ],
    "email": [
        "{p} utiliza la dirección de correo electrónico {em}.",
        "Los mensajes enviados desde {em}, cuenta atribuida a {p}, se utilizaban para anunciar "
        "los viajes en redes sociales.",
    ],
    "wallet": [
        "Parte de los beneficios se convirtió en criptomonedas y se envió al monedero {w}, "
        "controlado por {p}.",
        "{p} recibió pagos en {wc} en la dirección {w}.",
    ],
    "address": [
        "{p} reside en {addr}.",
        "En el registro practicado en {addr}, domicilio de {p}, se intervino dinero en "
        "efectivo y teléfonos móviles.",
        "{p} fue {?p:localizado|localizada} en {addr}, donde residía con una identidad falsa.",
    ],
    "company": [
        "{p} es {?p:el administrador|la administradora} de la sociedad {org} ({ok}), con sede "
        "{loc|in}.",
        "La sociedad {org}, registrada {loc|in} y dirigida por {p}, podría ser utilizada como "
        "tapadera de la red.",
        "La empresa {org}, cuya administración ejerce {p}, expidió contratos de trabajo "
        "ficticios a las víctimas.",
    ],
    "company_address": [
        "La sociedad {org} tiene su domicilio social en {addr}.",
        "El {date} se registraron las instalaciones de {org}, sitas en {addr}.",
    ],
    "company_employee": [
        "{p} trabaja para la empresa {org}.",
        "{p} figura como {?p:empleado|empleada} de la sociedad {org}.",
    ],
    "company_vehicle": [
        "El vehículo {vd} con matrícula {veh} pertenece a la sociedad {org}.",
    ],
    "company_account": [
        "La sociedad {org} es titular de la cuenta de empresa {acct}, que recibió numerosos "
        "ingresos en efectivo.",
    ],
    "recruited": [
        "{v} fue {?v:captado|captada} {loc|in} por {p}, quien le prometió un trabajo de {job} "
        "en el extranjero.",
        "Según su declaración, {v} fue {?v:contactado|contactada} {loc|in} por {p}, que "
        "organizó su viaje.",
        "{p} se encarga de captar víctimas {loc|in}; entre ellas figura {v}.",
    ],
    "exploited_sexual": [
        "A su llegada {loc|to}, {v} fue {?v:entregado|entregada} a {p}, quien {?v:lo|la} "
        "obligó a ejercer la prostitución.",
        "{p} controlaba a {v} y se quedaba con sus ganancias diarias {loc|in}.",
    ],
    "exploited_labour": [
        "{v} fue {?v:obligado|obligada} a trabajar sin remuneración en un local gestionado por "
        "{p} {loc|in}.",
        "{p} retuvo el pasaporte de {v} y {?v:lo|la} obligó a trabajar {loc|in} para saldar "
        "su deuda del viaje.",
    ],
    "exploited_ransom": [
        "{v} fue {?v:secuestrado|secuestrada} {loc|in} por {p}, quien exigía un rescate a su "
        "familia.",
        "{p} torturó a {v} en un almacén {loc|in} para obtener el pago del rescate.",
    ],
    "debt": [
        "{p} comunicó a {v} que tenía una deuda de {amt} por el viaje.",
    ],
    "juju": [
        "Antes de la salida, {v} fue {?v:sometido|sometida} a un ritual de juju organizado por "
        "{p} para asegurar su obediencia.",
    ],
    "journey": [
        "{p} viajó {orig|from} {dest|to} pasando por {via}.",
        "{p} salió {orig|from} el {date} y llegó {dest|to} tras transitar por {via}.",
        "Varias personas, entre ellas {p}, siguieron la ruta {route}.",
    ],
    "route": [
        "La red opera en la ruta {route}.",
    ],
    "travelled_with": [
        "{p} viajó junto con {p2} {orig|from} {dest|to}.",
        "{p} y {p2} fueron interceptados juntos {loc|in} el {date}.",
    ],
    "arrest": [
        "El {date}, {p} fue {?p:detenido|detenida} {loc|in} en virtud de una orden de "
        "detención nacional.",
        "{p} fue {?p:interceptado|interceptada} por la policía de fronteras {loc|in} cuando "
        "intentaba salir del país.",
        "{p} se encuentra actualmente en prisión provisional {loc|in} a la espera de juicio.",
        "{p} fue {?p:interceptado|interceptada} en un control cerca de {loc} con {n} pasajeros "
        "a bordo.",
    ],
    "seizure": [
        "En el cacheo practicado a {p} {loc|in}, los agentes intervinieron dos teléfonos "
        "móviles, entre ellos el asociado al número {ph}.",
        "El teléfono intervenido a {p} en el momento de su detención {loc|in} corresponde al "
        "número {ph}.",
    ],
    "associate": [
        "{p} es {?p:un conocido colaborador|una conocida colaboradora} de {p2}.",
        "Las vigilancias permitieron observar a {p} {?p:reunido|reunida} con {p2} en varias "
        "ocasiones.",
        "{p} y {p2} se repartirían los beneficios de las actividades delictivas.",
    ],
    "organiser": [
        "{p} sería {?p:el líder|la líder} de la red y operaría desde {loc|the}.",
        "Según la información disponible, {p} coordina las actividades de la organización "
        "{loc|in}.",
    ],
    "transported": [
        "{p} trasladó a {ms} {orig|from} {dest|to}.",
        "{ms} fueron trasladados por {p} {dest|to}.",
    ],
}

FILLERS = {
    "any": [
        "La investigación se desarrolla bajo la dirección del juzgado competente.",
        "Las investigaciones continúan.",
        "Los investigados utilizan de forma habitual aplicaciones de mensajería cifrada.",
        "La red presenta una estructura jerarquizada con células en varios países.",
        "El análisis de los flujos financieros está en curso.",
        "La presente información se facilita exclusivamente a efectos policiales.",
    ],
    "smuggling": [
        "Los migrantes recibieron asistencia sanitaria a su llegada.",
        "La mayoría de los migrantes carecían de documentación.",
        "La organización cobra entre 2.000 y 5.000 euros por persona por la travesía.",
    ],
    "trafficking": [
        "Las víctimas fueron derivadas a recursos especializados de asistencia.",
        "Las víctimas se niegan a colaborar por temor a represalias contra sus familias.",
    ],
    "other": [
        "Los documentos se han remitido al laboratorio para su análisis.",
        "Las cantidades detectadas superan ampliamente los ingresos declarados de los "
        "investigados.",
    ],
}

REQUEST_LEADS = [
    "A la vista de lo anterior, se ruega a {ncb}:",
    "Se solicita a {ncb} la realización de las siguientes comprobaciones:",
]
REQUESTS: dict[str, list[str]] = {
    "phone": [
        "identificar al titular de la línea {ph} y facilitar los datos de tráfico disponibles;",
        "confirmar si el número {ph}, utilizado por {p}, está activo en su país;",
    ],
    "person": [
        "informar si {p} consta en sus bases de datos;",
        "facilitar los antecedentes y domicilios conocidos de {p};",
    ],
    "id_doc": ["verificar la autenticidad {dd|del} n.º {doc} presentado por {p};"],
    "bank": ["facilitar la identidad del titular y los movimientos de la cuenta {acct};"],
    "vehicle": ["identificar al titular del vehículo con matrícula {veh};"],
    "vessel": ["comprobar si el buque {vs} ({imo}) está registrado en su país;"],
    "org": [
        "informar si la sociedad {org} está registrada en su país e identificar a sus "
        "administradores;"
    ],
    "address": ["confirmar si {p} sigue residiendo en {addr};"],
}
CLOSINGS = [
    "En cualquier respuesta deberá citarse la referencia arriba indicada.",
    "{ncb} agradece de antemano su colaboración.",
]
SIGNATURES = [["Atentamente,", "{ncb}"], ["Un saludo,", "Oficial de guardia", "{ncb}"]]
ANNEX = "Se adjuntan los registros de llamadas y los datos de envíos de dinero obtenidos ({file})."

EMAIL_GREETINGS = ["Estimado colega:", "Estimados colegas:", "Hola:"]
EMAIL_OPENERS = [
    "Tras nuestra conversación telefónica, le remito la información sobre el caso {case}.",
    "Según lo acordado, estos son los datos relativos a nuestra referencia {ref}.",
    "Actualización rápida sobre el caso {case}:",
]
EMAIL_REQUESTS = [
    "¿Podéis comprobar lo siguiente por vuestra parte?",
    "Te agradecería que realizaras las siguientes comprobaciones:",
]
EMAIL_SIGNOFFS = [["Un saludo,", "Oficial de enlace", "{ncb}"], ["Saludos cordiales,", "{ncb}"]]
EMAIL_ATTACHMENT_NOTE = "Adjunto la relación de números ({file})."

# ---------------------------------------------------------------- terms

VEHICLE_KINDS = {
    "car": ("turismo", "m"),
    "van": ("furgoneta", "f"),
    "truck": ("camión", "m"),
    "pickup": ("camioneta", "f"),
}
COLOURS_M = {
    "white": "blanco",
    "black": "negro",
    "grey": "gris",
    "blue": "azul",
    "red": "rojo",
    "silver": "plateado",
    "green": "verde",
    "beige": "beige",
}
VESSEL_KINDS = {"fishing": "buque pesquero", "cargo": "buque de carga", "tug": "remolcador"}
ORG_KINDS = {
    "travel_agency": "agencia de viajes",
    "transport": "empresa de transportes",
    "money_exchange": "casa de cambio",
    "fishing": "empresa pesquera",
    "modelling": "agencia de modelos",
    "hair_salon": "peluquería",
    "massage": "centro de masajes",
    "nail_salon": "salón de manicura",
    "car_wash": "túnel de lavado",
    "recruitment": "agencia de colocación",
    "nightclub": "club de alterne",
    "agriculture": "explotación agrícola",
    "construction": "empresa constructora",
}
JOBS = {
    "hairdresser": ("peluquero", "peluquera"),
    "domestic": ("empleado del hogar", "empleada del hogar"),
    "waiter": ("camarero", "camarera"),
    "shop": ("dependiente", "dependienta"),
    "nanny": ("cuidador", "niñera"),
    "farm": ("jornalero", "jornalera"),
}
CURRENCY_NAMES = {
    "EUR": "euros",
    "USD": "dólares estadounidenses",
    "GBP": "libras esterlinas",
    "COP": "pesos colombianos",
    "MXN": "pesos mexicanos",
    "MAD": "dírhams",
}


def _art(text: str, mod: str, gender: str) -> str:
    if mod == "un":
        return f"{'un' if gender == 'm' else 'una'} {text}"
    if mod == "el":
        return f"{'el' if gender == 'm' else 'la'} {text}"
    if mod == "del":
        return f"{'del' if gender == 'm' else 'de la'} {text}"
    return text


def doc_gender(kind: str) -> str:
    return "m"


def doc_desc(kind: str, adj_m: str, adj_f: str, mod: str) -> str:
    text = f"pasaporte {adj_m}" if kind == "passport" else f"documento de identidad {adj_m}"
    return _art(text, mod, "m")


def vehicle_desc(make: str, kind: str, colour: str, mod: str) -> str:
    word, gender = VEHICLE_KINDS[kind]
    if not mod:
        return f"{make} de color {COLOURS_M[colour]}"
    return _art(f"{word} {make} de color {COLOURS_M[colour]}", mod, gender)


def org_kind(kind: str, mod: str) -> str:
    return ORG_KINDS[kind]


def job(key: str, gender: str, mod: str) -> str:
    return JOBS[key][0 if gender == "m" else 1]


def number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def money(amount: int, currency: str, rng: random.Random) -> str:
    n = number(amount)
    r = rng.random()
    if currency in CURRENCY_NAMES and r < 0.5:
        return f"{n} {CURRENCY_NAMES[currency]}"
    if currency == "EUR" and r < 0.7:
        return f"{n} €"
    return f"{n} {currency}"


def date_text(d: dt.date, rng: random.Random, levantine: bool = False) -> str:
    if rng.random() < 0.7:
        return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def date_header(d: dt.date, rng: random.Random, levantine: bool = False) -> str:
    r = rng.random()
    if r < 0.6:
        return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"
    if r < 0.85:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def descriptor(gender: str, birth: dt.date, nat_adj_f: str, rng: random.Random) -> str:
    """ " (nacido el 02/05/1984, de nacionalidad libia)"."""
    nacido = "nacido" if gender == "m" else "nacida"
    if rng.random() < 0.6:
        return (
            f" ({nacido} el {birth.day:02d}/{birth.month:02d}/{birth.year}, de "
            f"nacionalidad {nat_adj_f})"
        )
    return (
        f" (de nacionalidad {nat_adj_f}, {nacido} el {birth.day} de "
        f"{MONTHS[birth.month - 1]} de {birth.year})"
    )


def alias_forms(gender: str) -> list[tuple[str, str]]:
    return [(' alias "', '"'), (' (a) "', '"'), (" alias «", "»")]
