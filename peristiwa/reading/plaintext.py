"""Plain text and Markdown articles: title line, optional byline, body; Markdown markup removed."""

from __future__ import annotations

import re

_BYLINE = re.compile(
    r"^(?:written by|ditulis oleh|oleh|by|penulis|reporter|editor|author)\s*:?\s+(?P<name>\S.{0,80})$",
    re.IGNORECASE,
)
# "BACATODAY.COM — ...", "JAKARTA, KOMPAS.com - ...", "Jakarta (ANTARA) - ...": body text, not a title.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.]+(?:\s[A-Z][A-Z.]+)*(?:\.com)?|[A-Z][a-z]+\s\([A-Z]+\))(?:,\s*[\w. ]{1,30}?)?\s*[—–-]\s"
)
_SENTENCE_END = tuple(".!?;:,\"”’…)")
_TITLE_MAX = 200

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s+\S.*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_SETEXT = re.compile(r"^(\S.*)\n(?:=+|-+)[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_QUOTE = re.compile(r"^ {0,3}> ?", re.MULTILINE)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`\n]+)`")
_FENCE = re.compile(r"^ {0,3}(```|~~~).*$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")


def strip_links(text: str) -> str:
    """``[text](url)`` -> text and images dropped; applied to .txt too (scraped text often keeps them)."""
    if "](" not in text:
        return text
    return _LINK.sub(r"\1", _IMAGE.sub("", text))


def strip_markdown(text: str) -> str:
    """Markdown -> plain text: links to their text, images dropped, heading/emphasis/quote markers removed."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _LINK_DEF.sub("", text)
    text = _FENCE.sub("", text)
    text = _RULE.sub("", text)
    text = _HEADING.sub(r"\1", text)
    text = _SETEXT.sub(r"\1", text)
    text = _QUOTE.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    return _BLANKS.sub("\n\n", text)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple YAML front matter (``key: value`` lines) and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group("body").splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or line[:1].isspace():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if value:
            meta[key.strip()] = value
    return meta, text[match.end():]


def _looks_like_title(line: str, rest: str) -> bool:
    if not rest.strip() or len(line) > _TITLE_MAX:
        return False
    return not (line.endswith(_SENTENCE_END) or _DATELINE.match(line))


def split_article(text: str, *, markdown: bool) -> dict[str, str]:
    """Title / byline / body of a plain text or Markdown article; keys "title", "byline", "text"."""
    fields: dict[str, str] = {}
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n \t\ufeff")
    first, _, rest = text.partition("\n")
    first = first.strip()
    heading = _HEADING.match(first) if markdown else None
    if heading:
        fields["title"] = strip_markdown(heading.group(1)).strip()
        text = rest
    elif _looks_like_title(first, rest):
        fields["title"] = strip_markdown(first).strip() if markdown else strip_links(first).strip()
        text = rest
    if "title" in fields:
        head, _, after = text.lstrip("\n \t").partition("\n")
        byline = _BYLINE.match(head.strip())
        if byline:
            fields["byline"] = byline.group("name").strip()
            text = after
    body = strip_markdown(text) if markdown else strip_links(text)
    body = "\n".join(line.rstrip() for line in body.strip().split("\n"))
    if body:
        fields["text"] = body
    if not fields.get("title"):
        fields.pop("title", None)
    return fields
