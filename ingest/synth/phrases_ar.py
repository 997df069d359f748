"""Arabic phrasing of NCB messages (Tripoli, Cairo, Khartoum, Amman, Baghdad, Damascus...).

Modern Standard Arabic in police-correspondence register. Same slot syntax as
:mod:`phrases_en`; prepositions are separate words ("في طرابلس", "إلى إيطاليا")
so mention boundaries stay clean, except the proclitic "بـ" which templates keep
outside the slot. NCB names and references stay in Latin script, as they do in
INTERPOL's I-24/7 messaging.
"""

from __future__ import annotations

import datetime as dt
import random

CODE = "ar"

LABELS = {
    "from": "من",
    "to": "إلى",
    "reference": "المرجع",
    "date": "التاريخ",
    "subject": "الموضوع",
    "case": "القضية",
    "category": "الفئة",
    "handling": "التداول",
    "grading": "التقييم",
}
MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
MONTHS_LEVANTINE = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
HANDLING = {
    "official": "الإنتربول - للاستخدام الرسمي فقط",
    "restricted": "الإنتربول - تداول مقيد",
    "confidential": "الإنتربول - سري",
}
CATEGORY = {
    "trafficking": ["الاتجار بالبشر"],
    "smuggling": ["تهريب المهاجرين"],
    "other:fraud": ["أخرى - تزوير الوثائق"],
    "other:laundering": ["أخرى - غسل الأموال"],
}
OPERATION = "عملية"
RECIPIENT_SEPARATOR = "؛ "
CONJUNCTION = "و"

SUBJECTS = {
    "smuggling": [
        "تهريب المهاجرين {orig|from} {dest|to} - طلب معلومات",
        "شبكة لتهريب المهاجرين - طلب تحريات",
        "انطلاق قوارب الهجرة غير النظامية {orig|from} - تبادل معلومات",
    ],
    "trafficking": [
        "الاتجار بالبشر {orig|from} {dest|to} - طلب معلومات",
        "شبكة للاتجار بالبشر بغرض الاستغلال الجنسي - تحديد هوية المشتبه بهم",
    ],
    "other:fraud": ["تزوير وثائق سفر مرتبط بشبكة إجرامية - طلب تحقق"],
    "other:laundering": ["غسل أموال متحصلة من نشاط الشبكة - طلب معلومات مالية"],
}

INTROS = {
    "smuggling": [
        "يهدي {ncb} أطيب تحياته، ويشير إلى القضية المذكورة أعلاه المتعلقة بشبكة إجرامية "
        "تنشط في تهريب المهاجرين عبر المسار {route}.",
        "نحيطكم علمًا بأن الأجهزة الأمنية {city|in} تجري تحقيقًا بشأن شبكة تنظم رحلات "
        "المهاجرين غير النظاميين عبر المسار {route}.",
    ],
    "trafficking": [
        "يهدي {ncb} أطيب تحياته، ويشير إلى القضية المذكورة أعلاه المتعلقة بشبكة للاتجار "
        "بالبشر تنقل الضحايا عبر المسار {route}.",
        "نحيطكم علمًا بفتح تحقيق {city|in} بشأن جماعة منظمة تقوم بتجنيد الضحايا واستغلالهم "
        "ونقلهم عبر المسار {route}.",
    ],
    "other": [
        "يشير {ncb} إلى القضية المذكورة أعلاه وإلى التحريات المالية التي أجريت {city|in} "
        "بشأن شبكة تنشط عبر المسار {route}.",
    ],
}
FURTHER = [
    "إلحاقًا ببرقيتنا رقم {prevref} بتاريخ {prevdate}، نفيدكم بالمعلومات الإضافية التالية.",
]

TEMPLATES: dict[str, list[str]] = {
    "phone": [
        "{?p:يستخدم المدعو|تستخدم المدعوة} {p} رقم الهاتف {ph}.",
        "تبين من تحليل الهواتف المضبوطة أن {p} {?p:كان|كانت} على اتصال منتظم ببقية "
        "المشتبه بهم عبر الرقم {ph}.",
        "الرقم {ph} يعود إلى {p}، {?p:الذي كان يستخدمه|التي كانت تستخدمه} لتنسيق رحلات الانطلاق.",
    ],
    "id_doc": [
        "{?p:يحمل|تحمل} {p} {dd} رقم {doc}.",
        "{?p:قدّم|قدّمت} {p} عند {?p:توقيفه|توقيفها} {dd} رقم {doc} "
        "{?dd:الصادر|الصادرة} {issuer|in}.",
    ],
    "arrest": [
        "بتاريخ {date} تم القبض على {p} {loc|in} بموجب مذكرة توقيف وطنية.",
        "أوقفت شرطة الحدود {p} {loc|in} أثناء {?p:محاولته|محاولتها} مغادرة البلاد.",
        "{?p:يوجد|توجد} {p} حاليًا رهن الاحتجاز {loc|in} في انتظار المحاكمة.",
    ],
    "payment": [
        "{?m:أفاد|أفادت} {m} {?m:بأنه دفع|بأنها دفعت} مبلغ {amt} إلى {p} مقابل الرحلة.",
        "دفع كل راكب، ومن بينهم {m}، مبلغ {amt} نقدًا إلى {p} قبل الانطلاق.",
    ],
    "recruited": [
        "{?p:قام|قامت} {p} بتجنيد {v} {loc|in} {?p:ووعد|ووعدت}{?v:ه|ها} بعمل في الخارج.",
    ],
    "exploited_sexual": [
        "{?v:أُجبر|أُجبرت} {v} على ممارسة الدعارة من قبل {p} {loc|in}.",
    ],
    "exploited_labour": [
        "{?v:أُجبر|أُجبرت} {v} على العمل دون أجر في منشأة {?p:يديرها|تديرها} {p} {loc|in}.",
    ],
    "exploited_ransom": [
        "{?v:احتُجز|احتُجزت} {v} {loc|in} من قبل {p} {?p:الذي طالب|التي طالبت} أسرة الضحية بدفع فدية.",
    ],
    "debt": [
        "{?p:أبلغ|أبلغت} {p} {v} بأن {?v:عليه|عليها} دينًا قدره {amt} مقابل الرحلة.",
    ],
    "juju": [
        '{?v:خضع|خضعت} {v} قبل الانطلاق لطقوس قسم "جوجو" {?p:نظمها|نظمتها} {p} لضمان الطاعة.',
    ],
    "vessel": [
        "{?p:يعمل|تعمل} {p} ربانًا على متن {vk} {vs} ({imo}) الذي يرفع علم {flag}.",
    ],
    "sea_crossing": [
        "بتاريخ {date} أبحر قارب {?p:يقوده|تقوده} {p} {orig|from} وعلى متنه {n} مهاجرًا "
        "باتجاه {dest}.",
        "غادر {vk} {vs} ({imo}) {orig} بتاريخ {date} وعلى متنه {n} مهاجرًا، وتم اعتراضه "
        "قبالة {dest}.",
    ],
    "transported": [
        "{?p:قام|قامت} {p} بنقل {ms} {orig|from} {dest|to}.",
    ],
    "vehicle_transport": [
        "{?p:قام|قامت} {p} بنقل {ms} على متن {vd} تحمل لوحة رقم {veh}.",
    ],
    "vehicle": [
        "{?p:يستخدم|تستخدم} {p} {vd} تحمل لوحة التسجيل {veh}.",
    ],
    "journey": [
        "{?p:سلك|سلكت} {p} المسار {route}.",
        "{?p:غادر|غادرت} {p} {orig} بتاريخ {date} {?p:ووصل|ووصلت} إلى {dest} مرورًا بـ{via}.",
    ],
    "route": [
        "تنشط الشبكة على المسار {route}.",
    ],
    "bank": [
        "{?p:يملك|تملك} {p} الحساب المصرفي {acct}.",
        "كانت العائدات الإجرامية تودع في الحساب {acct} المفتوح باسم {p}.",
    ],
    "transfer_iban": [
        "بتاريخ {date} {?p:حوّل|حوّلت} {p} مبلغ {amt} إلى الحساب {acct} العائد إلى {p2}.",
    ],
    "hawala": [
        "تم دفع مبلغ {amt} من قبل {p} عن طريق نظام الحوالة، {?p2:واستلمه|واستلمته} {p2} {loc|in}.",
    ],
    "company": [
        "{?p:يدير|تدير} {p} شركة {org} الكائنة {loc|in}، والتي يشتبه في استخدامها كواجهة "
        "لأنشطة الشبكة.",
    ],
    "company_address": [
        "يقع مقر شركة {org} في العنوان التالي: {addr}.",
    ],
    "address": [
        "{?p:يقيم|تقيم} {p} في العنوان التالي: {addr}.",
    ],
    "associate": [
        "تربط {p} علاقة وثيقة بـ{p2}.",
        "{?p:يتقاسم|تتقاسم} {p} مع {p2} عائدات الأنشطة الإجرامية.",
    ],
    "organiser": [
        "يُعتقد أن {p} {?p:هو زعيم|هي زعيمة} الشبكة {?p:ويدير|وتدير} نشاطها من {loc}.",
    ],
    "seizure": [
        "خلال تفتيش {p} {loc|in}، ضبط المحققون هاتفين محمولين، من بينهما الهاتف المرتبط "
        "بالرقم {ph}.",
    ],
    "email": [
        "{?p:يستخدم|تستخدم} {p} عنوان البريد الإلكتروني {em}.",
    ],
    "wallet": [
        "تم تحويل جزء من العائدات إلى عملات مشفرة وإرسالها إلى المحفظة {w} التي "
        "{?p:يسيطر|تسيطر} عليها {p}.",
    ],
    "travelled_with": [
        "{?p:سافر|سافرت} {p} برفقة {p2} {orig|from} {dest|to}.",
    ],
}

FILLERS = {
    "any": [
        "لا تزال التحقيقات جارية.",
        "تستخدم هذه المعلومات لأغراض الشرطة فقط.",
        "يستخدم أفراد الشبكة تطبيقات مراسلة مشفرة.",
        "يتسم التنظيم بدرجة عالية من الهيكلة وله امتدادات في عدة دول.",
    ],
    "smuggling": [
        "تم تقديم المساعدة الطبية للمهاجرين فور إنزالهم.",
        "يتقاضى أفراد الشبكة ما بين 2000 و5000 دولار عن كل شخص.",
        "لم يكن بحوزة معظم المهاجرين أي وثائق هوية.",
    ],
    "trafficking": [
        "تمت إحالة الضحايا إلى خدمات الدعم المتخصصة.",
        "ترفض الضحايا التعاون خوفًا من انتقام أفراد الشبكة من ذويهن.",
    ],
    "other": [
        "أحيلت الوثائق المضبوطة إلى المختبر الجنائي لفحصها.",
    ],
}

REQUEST_LEADS = ["يرجى من {ncb} التكرم بما يلي:", "نأمل من {ncb} إجراء التحريات التالية:"]
REQUESTS: dict[str, list[str]] = {
    "phone": ["تحديد هوية صاحب الرقم {ph} وتزويدنا بسجل الاتصالات المتاح؛"],
    "person": ["التحقق مما إذا {?p:كان|كانت} {p} {?p:معروفًا|معروفة} لدى أجهزتكم؛"],
    "id_doc": ["التحقق من صحة {dd} رقم {doc} {?dd:الذي|التي} {?p:قدمه|قدمته} {p}؛"],
    "bank": ["تزويدنا بهوية صاحب الحساب {acct} وبحركاته؛"],
    "vehicle": ["تحديد مالك المركبة التي تحمل اللوحة {veh}؛"],
    "vessel": ["التحقق مما إذا كانت السفينة {vs} ({imo}) مسجلة لديكم؛"],
    "org": ["إفادتنا عما إذا كانت شركة {org} مسجلة لديكم وتزويدنا بأسماء مسيريها؛"],
}
CLOSINGS = ["يرجى الإشارة إلى المرجع أعلاه في أي رد.", "ونشكركم مسبقًا على حسن تعاونكم."]
SIGNATURES = [
    ["وتفضلوا بقبول فائق الاحترام والتقدير،", "{ncb}"],
    ["مع خالص التحية،", "ضابط المناوبة", "{ncb}"],
]
ANNEX = "مرفق سجل المكالمات وبيانات التحويلات المالية ({file})."

EMAIL_GREETINGS = ["الزميل العزيز،", "الزملاء الأعزاء،"]
EMAIL_OPENERS = [
    "إلحاقًا بالمكالمة الهاتفية، نوافيكم بالمعلومات المتعلقة بالقضية {case}.",
    "كما اتفقنا، إليكم التفاصيل المتعلقة بمرجعنا {ref}.",
]
EMAIL_REQUESTS = ["نرجو التحقق مما يلي من جهتكم:"]
EMAIL_SIGNOFFS = [["مع أطيب التحيات،", "ضابط الاتصال", "{ncb}"], ["مع التحية،", "{ncb}"]]
EMAIL_ATTACHMENT_NOTE = "مرفق قائمة الأرقام ({file})."

# ---------------------------------------------------------------- terms

VEHICLE_KINDS = {"car": "سيارة", "van": "شاحنة صغيرة", "truck": "شاحنة", "pickup": "سيارة بيك أب"}
COLOURS = {
    "white": "أبيض",
    "black": "أسود",
    "grey": "رمادي",
    "blue": "أزرق",
    "red": "أحمر",
    "silver": "فضي",
    "green": "أخضر",
    "beige": "بيج",
}
VESSEL_KINDS = {"fishing": "قارب الصيد", "cargo": "مركب الشحن", "tug": "زورق القطر"}
ORG_KINDS = {
    "travel_agency": "وكالة سفر",
    "transport": "شركة نقل",
    "money_exchange": "مكتب صرافة",
    "fishing": "شركة صيد",
    "modelling": "وكالة عارضات أزياء",
    "hair_salon": "صالون تجميل",
    "massage": "مركز تدليك",
    "nail_salon": "صالون تجميل الأظافر",
    "car_wash": "مغسلة سيارات",
    "recruitment": "مكتب توظيف",
    "nightclub": "ملهى ليلي",
    "agriculture": "مزرعة",
    "construction": "شركة مقاولات",
}
JOBS = {
    k: ("عامل", "عاملة") for k in ("hairdresser", "domestic", "waiter", "shop", "nanny", "farm")
}
CURRENCY_NAMES = {
    "EUR": "يورو",
    "USD": "دولار أمريكي",
    "GBP": "جنيه إسترليني",
    "LYD": "دينار ليبي",
    "EGP": "جنيه مصري",
    "SDG": "جنيه سوداني",
    "TND": "دينار تونسي",
    "MAD": "درهم مغربي",
    "IQD": "دينار عراقي",
    "JOD": "دينار أردني",
    "TRY": "ليرة تركية",
    "NGN": "نايرا",
    "XOF": "فرنك أفريقي",
}


def doc_gender(kind: str) -> str:
    return "m" if kind == "passport" else "f"


def doc_desc(kind: str, adj_m: str, adj_f: str, mod: str) -> str:
    return f"جواز سفر {adj_m}" if kind == "passport" else f"بطاقة هوية {adj_f}"


def vehicle_desc(make: str, kind: str, colour: str, mod: str) -> str:
    return f"{VEHICLE_KINDS[kind]} من نوع {make} لونها {COLOURS[colour]}"


def org_kind(kind: str, mod: str) -> str:
    return ORG_KINDS[kind]


def job(key: str, gender: str, mod: str) -> str:
    return JOBS[key][0 if gender == "m" else 1]


def number(n: int) -> str:
    return str(n)


def money(amount: int, currency: str, rng: random.Random) -> str:
    name = CURRENCY_NAMES.get(currency)
    if name and rng.random() < 0.85:
        return f"{amount} {name}"
    return f"{amount} {currency}"


def date_text(d: dt.date, rng: random.Random, levantine: bool = False) -> str:
    months = MONTHS_LEVANTINE if levantine else MONTHS
    r = rng.random()
    if r < 0.6:
        return f"{d.day} {months[d.month - 1]} {d.year}"
    if r < 0.85:
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def date_header(d: dt.date, rng: random.Random, levantine: bool = False) -> str:
    return date_text(d, rng, levantine)


def descriptor(gender: str, birth: dt.date, nat_adj: str, rng: random.Random) -> str:
    """ " (من مواليد 1984/05/02، ليبي الجنسية)" - ``nat_adj`` already agrees in gender."""
    return f" (من مواليد {birth.year}/{birth.month:02d}/{birth.day:02d}، {nat_adj} الجنسية)"


def alias_forms(gender: str) -> list[tuple[str, str]]:
    if gender == "m":
        return [(' الملقب بـ"', '"'), (" المعروف باسم «", "»")]
    return [(' الملقبة بـ"', '"'), (" المعروفة باسم «", "»")]
