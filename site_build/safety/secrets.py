"""Credentials must never reach the public site: passwords, API tokens, private keys, forbidden strings.

The seed plan printed a social-media password; staff copy text from such documents. A published
password is a security incident, so every hit is an ERROR that fails the build, and messages show
only a masked value (first character + ``••••``) because CI logs are public too.

The password rule looks for a *key* (``password``, ``pwd``, ``รหัสผ่าน``, ``พาสเวิร์ด`` …) followed by a
*value*. Plain prose that only mentions the word ("อย่าเปิดเผยรหัสผ่าน", "password reset policy") has
no value after it and passes.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Sequence

from site_build.errors import Problem

from ._common import MAX_PER_CODE, TextIndex, mask, ordered, problem

# --- password key = value -------------------------------------------------------------------------
# A *key* ("password", "pwd", "รหัสผ่าน", "พาสเวิร์ด", "รหัสเพจ" …), then optional *following words* that name the
# account ("เพจ", "เฟซบุ๊ก", "ของเพจ Facebook", "for the page"), an optional *separator* (":", "คือ", "is" …) and a
# *value*: on the same line, or alone on the next line. Values are printable ASCII or Thai digits; Thai prose
# after the key is never a value. The keys are found by one regex; the rest is parsed forward from each key.

_EN_KEY = r"(?:pass[\s_-]?(?:word|wd|code|phrase)|passwd|pswd|pword|pwd|p/w|pw|pass)s?(?![A-Za-z])"
_ACCOUNT_TH = ("ของ|เพจ|แฟนเพจ|เฟ[ซส]บุ[๊ค][กค]?|เฟ[ซส]|ไลน์|อีเมล์?|อีเมลล์|แอดมิน|ไวไฟ|ไอจี|อินสตาแกรม|ติ[๊]?กต[็]?อก|ยูทูบ"
               "|ทวิตเตอร์|บัญชี|ผู้ดูแล|ระบบ|เว็บไซต์|เว็บ|เข้า|ใช้|งาน|ใหม่|เดิม|ชั่วคราว|สำหรับ|กลาง|หน่วยงาน|สำนัก|ที่|เครื่อง")
_ACCOUNT_EN = frozenset({
    "facebook", "fb", "page", "fanpage", "line", "email", "e-mail", "mail", "gmail", "admin", "account", "for", "of",
    "the", "to", "our", "login", "log-in", "wifi", "wi-fi", "ig", "instagram", "tiktok", "youtube", "twitter",
    "new", "old", "temporary", "temp", "default", "user", "web", "website", "site", "system", "office", "group",
})
_TH_KEY = (r"(?:รหัส[ \t]*ผ่าน|รหัส[ \t]*เข้า[ \t]*(?:ใช้[ \t]*(?:งาน)?|ระบบ)|พาส[ \t]*เว(?:ิ|อ)ร?์?[ดตทค]|พาสเวิร์ด"
           r"|พาสโค้ด|รหัส(?=[ \t]*(?:เพจ|แฟนเพจ|เฟ[ซส]|ไลน์|อีเมล|แอดมิน|ไวไฟ|ไอจี|ยูทูบ|facebook|fb|line|e-?mail|gmail"
           r"|admin|wi-?fi|ig|instagram|tiktok|youtube)))")
_KEY_RE = re.compile(rf"{_EN_KEY}|{_TH_KEY}", re.IGNORECASE)
_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_ACCOUNT_TH_RE = re.compile(rf"(?:{_ACCOUNT_TH})+")
_SEP_WORDS_TH = ("ได้แก่", "คือ", "ว่า", "เป็น")
_SEP_RE = re.compile(r"(?:\*\*|__)?[ \t]*(?:->|=>|[:=：|]|คือ|ได้แก่|ว่า|เป็น|is(?![A-Za-z]))", re.IGNORECASE)
_LEAD_RE = re.compile(r"[ \t*_`\"'“”‘’(\[]*")
_VALUE_RE = re.compile(r"[!-~๐-๙]+")  # printable ASCII or Thai digits, no spaces
_NEXT_LINE_RE = re.compile(r"\n[ \t]*(?:[-*+>|][ \t]+)?[*_`\"'“”‘’]*(?P<value>[!-~๐-๙]+)[*_`\"'“”‘’]*[ \t]*(?:\n|\Z)")
_LEADING = "*_`\"'“”‘’(["
_TRAILING = "()[]{}\"'“”‘’`*_,;.!?:|"
_STOPWORDS = frozenset({
    "required", "optional", "none", "null", "n/a", "na", "nil", "yes", "no", "true", "false", "hidden",
    "masked", "redacted", "reset", "policy", "changed", "expired", "empty", "blank", "protected", "ok",
    "pass", "fail", "see", "example", "your", "please", "must", "should", "will", "can", "the", "and", "or",
    "for", "of", "to", "be", "is", "are", "not", "min", "max", "length", "characters", "chars", "digits",
    "letters", "same", "default", "unknown", "tbd", "todo", "facebook", "line", "email", "e-mail", "gmail",
    "google", "wifi", "wi-fi", "otp", "pin", "sms", "login", "username", "user", "admin", "account",
    "manager", "policy:", "strength", "rules", "here", "below", "above", "sent", "via", "by", "on", "at",
})
_FILE_LIKE = re.compile(r"\.(?:md|html?|pdf|png|jpe?g|webp)$", re.IGNORECASE)
_PROSE_NEXT = re.compile(r"[ \t]+[A-Za-z]{2,}[ \t]+[A-Za-z]")
_KEY_HINTS = ("pass", "pwd", "pw", "p/w", "pswd", "pword")
_THAI_KEY_HINTS = ("รหัส", "พาส")


def _strong(value: str) -> bool:
    """Looks like a credential: letters mixed with digits or symbols, or inner capitals, or a long number."""
    if len(value) < 4:
        return False
    has_alpha = any(c.isalpha() for c in value)
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    inner_upper = any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)
    return (has_alpha and (has_digit or has_symbol)) or inner_upper or (has_digit and len(value) >= 6)


def _placeholder(value: str) -> bool:
    v = value.lower()
    return (len(set(v)) == 1 or v in _STOPWORDS or v.startswith(("<", "{", "${", "%", "[", "…", "..."))
            or "xxx" in v or "***" in v or "•" in v)


@dataclasses.dataclass
class _KeyParse:
    """What follows one key: the account words, the separator, and where the value starts."""

    end: int  # offset after the key, account words and separator
    sep: str
    account: bool


def _parse_after_key(text: str, pos: int) -> _KeyParse:
    account = False
    sep = ""
    for _ in range(4):  # at most four following words: "ของ เพจ Facebook ชมรม" is prose, not a name
        gap = pos
        while gap < len(text) and text[gap] in " \t":
            gap += 1
        thai = _THAI_RUN.match(text, gap)
        if thai:
            run = thai.group(0)
            for word in _SEP_WORDS_TH:
                if run.endswith(word):
                    head = run[: -len(word)]
                    if not head or _ACCOUNT_TH_RE.fullmatch(head):
                        account = account or bool(head)
                        return _KeyParse(thai.end(), word, account)
            if _ACCOUNT_TH_RE.fullmatch(run):
                account, pos = True, thai.end()
                continue
            break
        word = _EN_WORD.match(text, gap)
        if word and word.group(0).lower() in _ACCOUNT_EN:
            account, pos = True, word.end()
            continue
        break
    m = _SEP_RE.match(text, pos)  # the pattern skips bold markers and blanks before the separator itself
    if m is not None:
        sep = m.group(0).lstrip("*_ \t").lower()
        pos = m.end()
    return _KeyParse(pos, sep, account)


def _judge(value: str, sep: str, thai_key: bool, account: bool, rest: str) -> str | None:
    """The credential the key points at, or None when the key only appears in prose."""
    value = value.rstrip(_TRAILING).lstrip(_LEADING)
    if not value or _placeholder(value) or not (value[0].isalnum() or value[0] in "!@#$%&+=?~^"):
        return None
    if "://" in value or value.lower().startswith("www.") or _FILE_LIKE.search(value):
        return None  # a link target next to the word, e.g. [รหัสผ่าน](reset.md)
    if sep in ("is", "ว่า", "เป็น") and not _strong(value):
        return None
    if not sep:
        if not (thai_key or account):
            return None
        # "รหัสผ่าน moral1234", "รหัสผ่านเฟซบุ๊ก Moral2566": a Thai key or an account name may run into its value
        if _strong(value) or (thai_key and len(value) >= 6 and value.isalpha() and value.islower()):
            return value
        return None
    if _strong(value):
        return value
    if len(value) < 3:
        return None
    if value.isalpha() and _PROSE_NEXT.match(rest):
        return None  # "Password: must be 8 characters" is a sentence, not a value
    return value


# --- token formats -------------------------------------------------------------------------------
# Each pattern has cheap hints (substrings, in the lower-cased text for ``(?i)`` ones) so a file is only
# searched for what could be in it. A value glued to a longer word (``xghp_…``) is not a token.

_W = "A-Za-z0-9_\\-"


def _token(prefix: str, rest: str, flags: int = 0) -> re.Pattern[str]:
    """``prefix`` then ``rest``; the look-behind sits *after* the prefix so the engine can jump to the
    prefix, and a prefix inside a longer run (``eyJeyJeyJ…``) fails at once instead of rescanning it."""
    return re.compile(f"({prefix}(?<![{_W}]{prefix}){rest})", flags)


_TOKENS: tuple[tuple[str, tuple[str, ...], bool, tuple[re.Pattern[str], ...]], ...] = (
    ("GitHub token", ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"), False,
     (_token("gh[pousr]_", "[A-Za-z0-9]{30,255}"), _token("github_pat_", "[A-Za-z0-9_]{22,255}"))),
    ("Slack token", ("xox",), False, (_token("xox[abposr]-", "[A-Za-z0-9-]{10,255}"),)),
    ("Slack webhook", ("hooks.slack.com",), False,
     (re.compile(r"(https://hooks\.slack\.com/services/[A-Za-z0-9/_-]{20,})"),)),
    ("AWS access key", ("AKIA", "ASIA", "AGPA", "AIDA", "AROA"), False,
     (_token("A(?:KIA|SIA|GPA|IDA|ROA)", "[0-9A-Z]{16}(?![0-9A-Za-z])"),)),
    ("Google API key", ("AIza",), False, (_token("AIza", "[0-9A-Za-z_\\-]{35}"),)),
    ("JSON Web Token", ("eyJ",), False,
     (_token("eyJ", "[A-Za-z0-9_-]{8,255}\\.eyJ[A-Za-z0-9_-]{8,4096}\\.[A-Za-z0-9_-]{8,1024}"),)),
    ("Facebook access token", ("EAA",), False, (_token("EAA", "[A-Za-z0-9]{60,512}"),)),
    ("OpenAI/Stripe secret key", ("sk-", "sk_", "rk_", "rk-"), False,
     (_token("[sr]k[-_]", "(?:live_|test_|proj-)?[A-Za-z0-9_-]{24,255}"),)),
    ("Bearer token", ("bearer",), True,
     (re.compile(r"(?i)bearer(?<![a-z]bearer)\s{1,8}([A-Za-z0-9\-._~+/]{20,2048}=*)"),)),
    ("token", ("token", "api", "secret", "โทเค"), True, (re.compile(
        r"(?i)(?:(?:channel|access|refresh|notify|line|bot|auth)?[_\s-]?token|api[_\s-]?key"
        r"|(?:client|channel|app)[_\s-]?secret|secret[_\s-]?key|โทเค็น|โทเคน)(?![a-z])"
        r"[\s*_`\"':=：|]{0,12}([A-Za-z0-9+/_\-.=]{20,2048})"),)),
)
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_PRIVATE_KEY_RE = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
_URL_CREDENTIALS_RE = re.compile(r"://([^\s/?#@:]{1,200}):([^\s/?#@]{1,200})@")
_FIX = ("ลบค่านี้ออกจากไฟล์ทันที และแจ้งเจ้าของบัญชีให้เปลี่ยนรหัส/ยกเลิกโทเค็นนั้น "
        "เพราะอาจถูกเก็บไว้ในประวัติ Git แล้ว")


def _token_value_ok(kind: str, value: str) -> bool:
    if kind != "token":
        return True
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    return has_alpha and (has_digit or len(value) >= 32) and not _placeholder(value)


class _Hits:
    """Problems found so far, the spans they cover (one value is reported once) and a cap per code."""

    def __init__(self, file: str, index: TextIndex) -> None:
        self.file = file
        self.index = index
        self.problems: list[Problem] = []
        self.spans: list[tuple[int, int]] = []
        self.counts: dict[str, int] = {}

    def full(self, code: str) -> bool:
        return self.counts.get(code, 0) >= MAX_PER_CODE

    def add(self, start: int, end: int, code: str, th: str, en: str, fix: str = _FIX) -> None:
        i = bisect.bisect_left(self.spans, (start, end))
        if (i > 0 and self.spans[i - 1][1] > start) or (i < len(self.spans) and self.spans[i][0] < end):
            return
        if self.full(code):
            return
        self.spans.insert(i, (start, end))
        self.counts[code] = self.counts.get(code, 0) + 1
        self.problems.append(problem(self.file, self.index.where(start), code, th, en, fix))


def scan_secrets(text: str, file: str, *, line_offset: int = 0) -> list[Problem]:
    """Passwords written as key/value, well-known token formats, private keys and URL passwords."""
    hits = _Hits(file, TextIndex(text, line_offset))
    low = text.lower()
    if "PRIVATE KEY" in text:
        for m in _PRIVATE_KEY_RE.finditer(text):
            hits.add(m.start(), m.end(), "secret-private-key",
                     "พบกุญแจส่วนตัว (private key) ในไฟล์ ห้ามเผยแพร่", "a private key block is in the file")
    if "://" in text and "@" in text:
        for m in _URL_CREDENTIALS_RE.finditer(text):
            pw = m.group(2)
            if not _placeholder(pw):
                hits.add(m.start(2), m.end(2), "secret-url-password",
                         f"พบรหัสผ่านฝังอยู่ในลิงก์ (ผู้ใช้:รหัสผ่าน@) ค่า {mask(pw)}",
                         f"a URL carries a password (user:{mask(pw)}@host)",
                         "ลบส่วน ผู้ใช้:รหัสผ่าน@ ออกจากลิงก์ " + _FIX)
    for kind, hints, lowered, patterns in _TOKENS:
        haystack = low if lowered else text
        if not any(h in haystack for h in hints):
            continue
        for m in (m for pattern in patterns for m in pattern.finditer(text)):
            if hits.full("secret-token"):
                break
            value = m.group(1)
            if not _token_value_ok(kind, value):
                continue
            hits.add(m.start(1), m.end(1), "secret-token",
                     f"พบโทเค็นหรือคีย์สำหรับเข้าระบบ ({kind}) ค่า {mask(value)}",
                     f"a credential token ({kind}) is in the file: {mask(value)}")
    if any(h in low for h in _KEY_HINTS) or any(h in text for h in _THAI_KEY_HINTS):
        _scan_passwords(text, hits)
    if any(h in low for h in _PAIR_HINTS):
        _scan_pairs(text, hits)
    return ordered(hits.problems)


def _scan_passwords(text: str, hits: _Hits) -> None:
    for m in _KEY_RE.finditer(text):
        if hits.full("secret-password"):
            return
        if m.start() > 0 and (text[m.start() - 1] in _LETTERS or (m.group(0)[:1].isascii()
                                                                  and text[m.start() - 1].isdigit())):
            continue  # "bypass:", "compass =", "mp3pw"
        key = m.group(0).strip()
        after = _parse_after_key(text, m.end())
        lead = _LEAD_RE.match(text, after.end)
        start = lead.end() if lead else after.end
        value_m = _VALUE_RE.match(text, start)
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        if value_m is None and not text[start:line_end].strip(" \t*_`\"'“”‘’"):
            # "Password:" (or "รหัสผ่านเพจ") ending its line: the value may stand alone on the next line
            below = _NEXT_LINE_RE.match(text, line_end)
            line_start = text.rfind("\n", 0, m.start()) + 1
            alone = not text[line_start:m.start()].strip(" \t-*+>#|_`")  # a label on its own line
            if below is None or not (after.sep or after.account or not key.isascii() or alone):
                continue
            value = below.group("value").rstrip(_TRAILING).lstrip(_LEADING)
            if not (_strong(value) and not _placeholder(value)):
                continue
            _add_password(hits, below.start("value") + below.group("value").find(value), value, key)
            continue
        if value_m is None:
            continue
        rest_end = text.find("\n", value_m.end())
        rest = text[value_m.end():len(text) if rest_end == -1 else rest_end]
        value = _judge(value_m.group(0), after.sep, not key.isascii(), after.account, rest)
        if value is None:
            continue
        raw = value_m.group(0)
        _add_password(hits, value_m.start() + len(raw) - len(raw.lstrip(_LEADING)), value, key)


def _add_password(hits: _Hits, start: int, value: str, key: str) -> None:
    hits.add(start, start + len(value), "secret-password",
             f"พบรหัสผ่านเขียนไว้ในเนื้อหา ({key} … {mask(value)}) ห้ามเผยแพร่รหัสผ่าน",
             f"a password is written in the content ({key} … {mask(value)})",
             "ลบรหัสผ่านออก หากต้องการบอกวิธีเข้าใช้งาน ให้เขียนว่า “ติดต่อผู้ดูแลเพื่อขอรหัสผ่าน” แทน "
             "และแจ้งเจ้าของบัญชีให้เปลี่ยนรหัสผ่านนั้น")


# --- "user / pass" pairs ----------------------------------------------------------------------------
# Social-media accounts are often shared as a pair: "ID: moralpage / Abc12345", "ชื่อผู้ใช้ moral รหัส 123456",
# "user/pass: moral / Abc12345". A bare "รหัส" (code) is only a password key right after a user name.

_USER_KEY = (r"(?:user[ \t_-]?name|username|user|login|log-in|id|ไอดี|ชื่อผู้ใช้(?:งาน)?|ยูสเซอร์(?:เนม)?"
             r"|e-?mail|อีเมล์?)")
_PAIR_RE = re.compile(
    rf"(?<![A-Za-z]){_USER_KEY}(?:[ \t]*/[ \t]*(?:pass(?:word)?|pwd|pw|รหัส(?:ผ่าน)?))?"
    r"(?:[ \t]*(?:[:=：]|คือ)[ \t]*|[ \t]+(?=[A-Za-z0-9._@+\-]{2,64}[ \t]+(?:และ[ \t]*)?รหัส))"
    r"(?P<user>[A-Za-z0-9._@+\-]{2,64})[ \t]*"
    r"(?:[/|,][ \t]*|[ \t]+(?:และ[ \t]*)?(?P<code>รหัส)[ \t]*(?:[:=：]|คือ)?[ \t]*)"
    r"(?P<value>[!-~๐-๙]{4,128})",
    re.IGNORECASE,
)


_PAIR_HINTS = ("user", "login", "log-in", "id", "mail", "ไอดี", "ชื่อผู้ใช้", "ยูสเซอร์", "อีเมล")


def _scan_pairs(text: str, hits: _Hits) -> None:
    for m in _PAIR_RE.finditer(text):
        if hits.full("secret-password"):
            return
        value = m.group("value").rstrip(_TRAILING)
        user = m.group("user")
        if _placeholder(value) or user.startswith(("<", "{")) or "://" in value or ("@" in value and "." in value):
            continue
        has_alpha = any(c.isalpha() for c in value)
        has_digit = any(c.isdigit() for c in value)
        loginish = value.isalnum() or any(c.isupper() for c in value) or any(c not in "-._" for c in value
                                                                               if not c.isalnum())
        if m.group("code") is None and not (has_alpha and has_digit and loginish):
            continue  # "email: a@b.go.th / 02-123-4567" and "id: measure-1 / project-2" are not logins
        if m.group("code") is not None and not _strong(value):
            continue
        _add_password(hits, m.start("value"), value, "user / pass")


# --- project-specific forbidden strings -------------------------------------------------------------

def _fold(value: str) -> str:
    """Letters, digits and combining marks only, NFKC-normalised and case-folded."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return "".join(c for c in folded if unicodedata.category(c)[0] in "LNM")


def _char_class(ch: str) -> str:
    """One folded character, matched in upper/lower case and as its full-width form (NFKC twins)."""
    forms = {ch, ch.upper()}
    forms |= {chr(ord(f) + 0xFEE0) for f in list(forms) if "!" <= f <= "~"}
    return "[" + "".join(re.escape(f) for f in sorted(forms)) + "]"


@functools.lru_cache(maxsize=64)
def _forbidden_pattern(needle: str) -> re.Pattern[str]:
    # Up to six non-word characters between letters: "M o r a l-X", "m.o.r", "mo\nral", "**mo** **ral**".
    return re.compile(r"(?:[\W_]{0,6})".join(_char_class(c) for c in needle))


def scan_forbidden(text: str, file: str, forbidden: Sequence[str], *, line_offset: int = 0) -> list[Problem]:
    """Known leaked values, matched ignoring case, spaces and punctuation ("M o r a l-X" finds "moralx").

    Entries shorter than four letters/digits after folding are ignored: they would match everywhere.
    """
    needles = sorted({n for n in (_fold(f) for f in forbidden) if len(n) >= 4})
    index = TextIndex(text, line_offset)
    found: list[Problem] = []
    for needle in needles:
        for m in _forbidden_pattern(needle).finditer(text):
            if len(found) >= MAX_PER_CODE:
                break
            shown = mask(m.group(0))
            found.append(problem(
                file, index.where(m.start()), "secret-forbidden",
                f"พบข้อความต้องห้าม (รหัสผ่านที่เคยรั่วไหล) ค่า {shown} แม้จะเว้นวรรคหรือใส่เครื่องหมายคั่นก็ตาม",
                f"a forbidden string (a known leaked credential) appears here: {shown}",
                "ลบข้อความนี้ออกทั้งหมด ห้ามเขียนรหัสผ่านนี้ในรูปแบบใด ๆ บนเว็บไซต์"))
    return ordered(found)
