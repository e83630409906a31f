"""Selection → text, HTML and Markdown.

All three are rendered from the same kept lines, so they always agree: ``text``
is one line per block; ``html`` wraps each line in the element it came from
(paragraph, heading, list item, table row, figure), keeping inline links and
emphasis where a paragraph is a single line; ``markdown`` mirrors ``html``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lxml import html

from cleanser.article import Image
from cleanser.body.features import Block, Features, collapse
from cleanser.body.selection import Selection
from cleanser.meta.fields import Metadata, image_url
from cleanser.options import Options
from cleanser.vocabulary import (
    CAPTION_BOX_SLACK,
    CAPTION_HINT_RE,
    MARKDOWN_ESCAPE_RE,
    MAX_CAPTION_TOKENS,
)

_INLINE_KEEP = {"a", "strong", "b", "em", "i", "sub", "sup", "code"}
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass(frozen=True)
class Body:
    """The rendered article body."""

    text: str
    html: str
    markdown: str
    images: tuple[Image, ...]


def render(selection: Selection, features: Features, meta: Metadata, options: Options) -> Body:
    """Render the kept lines of ``selection``."""
    kept = selection.kept
    if not kept:
        return Body("", "", "", ())
    base = meta.base_url or meta.url  # <base href> or the page URL, not the canonical
    out = _Renderer(features, options, base, _captions(kept))
    for pos, b in enumerate(kept):
        out.add(pos, b)
    return out.body()


class _Renderer:
    """The text lines, HTML and Markdown parts and images of one body, built line by line.

    A run of list items is one ``<ul>`` and a run of a data table's rows one
    ``<table>``; any other line closes them. ``<br>``-separated lines of one paragraph
    join its ``<p>``.
    """

    def __init__(
        self, features: Features, options: Options, base: str | None, captions: dict[int, str]
    ) -> None:
        self.features = features
        self.options = options
        self.base = base
        self.caption_of = captions  # position of an image → the caption line after it
        self.skip_caption: set[int] = set()  # positions of caption lines already used
        self.lines: list[str] = []
        self.html_parts: list[str] = []
        self.md_parts: list[str] = []
        self.images: list[Image] = []
        self.list_open = False
        self.table_open = False
        self.open_in: object = None  # the list or table element the open <ul>/<table> renders
        self.para_of: object = None  # owner of the <p> just rendered: <br> lines join it

    def add(self, pos: int, b: Block) -> None:
        """Render the line at ``pos`` of the kept lines."""
        joins, self.para_of = self.para_of, None
        if b.image is not None:
            self._image(pos, b.image)
        elif pos in self.skip_caption:
            self._caption(b)
        else:
            self.lines.append(b.text)
            tag = b.tag
            if tag == "li":
                self._list_item(b)
            elif (
                "\t" in b.text and tag in ("tr", "table", "tbody", "thead") and self.options.tables
            ):
                self._table_row(b)
            elif tag in _HEADING:
                self._close_containers()
                level = max(2, _HEADING[tag])
                self.html_parts.append(f"<h{level}>{escape(b.text)}</h{level}>")
                self.md_parts.append("#" * level + " " + _md(b.text))
            else:
                self._block(b, joins)

    def body(self) -> Body:
        """The rendered body (open containers closed)."""
        self._close_containers()
        return Body(
            text="\n".join(self.lines),
            html="<article>" + "".join(self.html_parts) + "</article>",
            markdown="\n\n".join(self.md_parts),
            images=tuple(self.images),
        )

    def _close_containers(self) -> None:
        if self.list_open:
            self.html_parts.append("</ul>")
            self.list_open = False
        if self.table_open:
            self.html_parts.append("</table>")
            self.table_open = False

    def _image(self, pos: int, img: html.HtmlElement) -> None:
        """An image (with the caption line after it, if any); none without a usable URL."""
        src = image_url(img, self.base)
        if not src:
            return
        alt = collapse(img.get("alt") or "") or None
        cap = self.caption_of.get(pos)
        self.images.append(Image(src=src, alt=alt, caption=cap))
        if cap is not None:
            self.skip_caption.add(pos + 1)
        if self.options.images:
            self._close_containers()
            fig = f'<img src="{escape(src)}"' + (f' alt="{escape(alt)}"' if alt else "") + ">"
            if cap:
                fig += f"<figcaption>{escape(cap)}</figcaption>"
            self.html_parts.append(f"<figure>{fig}</figure>")
            self.md_parts.append(
                f"![{_md(alt or '')}]({src})" + (f"\n\n*{_md(cap)}*" if cap else "")
            )

    def _caption(self, b: Block) -> None:
        """A caption line: in the text always, in HTML and Markdown only without images
        (with images it is the figure's caption)."""
        self.lines.append(b.text)
        if not self.options.images:
            self.html_parts.append(f"<p>{escape(b.text)}</p>")
            self.md_parts.append(_md(b.text))

    def _list_item(self, b: Block) -> None:
        if self.table_open or (self.list_open and b.owner.getparent() is not self.open_in):
            self._close_containers()  # two lists stay two lists
        if not self.list_open:
            self.html_parts.append("<ul>")
            self.list_open = True
            self.open_in = b.owner.getparent()
        self.html_parts.append(f"<li>{_inline(b, self.features, self.options)}</li>")
        self.md_parts.append(f"- {_md(b.text)}")

    def _table_row(self, b: Block) -> None:
        table = next(b.owner.iterancestors("table"), b.owner)
        if self.list_open or (self.table_open and table is not self.open_in):
            self._close_containers()
        cells = b.text.split("\t")
        if not self.table_open:
            self.html_parts.append("<table>")
            self.table_open = True
            self.open_in = table
            self.md_parts.append(
                "| " + " | ".join(_md(c) for c in cells) + " |\n|" + "---|" * len(cells)
            )
        else:
            self.md_parts[-1] += "\n| " + " | ".join(_md(c) for c in cells) + " |"
        self.html_parts.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")

    def _block(self, b: Block, joins: object) -> None:
        """A paragraph, quote or preformatted line; ``joins``: the owner of the ``<p>``
        rendered just before (a ``<br>`` line of the same owner joins it)."""
        self._close_containers()
        inner = _inline(b, self.features, self.options)
        if b.tag == "blockquote":
            self.html_parts.append(f"<blockquote><p>{inner}</p></blockquote>")
            self.md_parts.append("> " + _md(b.text))
        elif b.tag == "pre":
            self.html_parts.append(f"<pre>{escape(b.text)}</pre>")
            self.md_parts.append("```\n" + b.text + "\n```")
        elif joins is b.owner:  # the next <br>-separated line of the same paragraph
            self.html_parts[-1] = self.html_parts[-1][: -len("</p>")] + f"<br>{inner}</p>"
            self.md_parts.append(_md(b.text))
            self.para_of = b.owner
        else:
            self.html_parts.append(f"<p>{inner}</p>")
            self.md_parts.append(_md(b.text))
            self.para_of = b.owner


def _captions(kept: list[Block]) -> dict[int, str]:
    """Position of each image in ``kept`` → the caption line that follows it."""
    out: dict[int, str] = {}
    for pos, b in enumerate(kept[:-1]):
        if b.image is None:
            continue
        nxt = kept[pos + 1]
        if nxt.image is not None or not nxt.text or nxt.length > MAX_CAPTION_TOKENS:
            continue
        owner = nxt.owner
        parent = owner.getparent()
        hint = f"{owner.get('class') or ''} {owner.get('id') or ''}"
        if parent is not None:
            hint += f" {parent.get('class') or ''} {parent.get('id') or ''}"
        centered = (owner.get("align") or "").lower() == "center" or "center" in (
            owner.get("style") or ""
        )
        if (
            nxt.tag == "figcaption"
            or CAPTION_HINT_RE.search(hint)
            or centered
            or nxt.owner is b.owner
            or _boxed_with(b.image, owner, nxt.text)
        ):
            out[pos] = nxt.text
    return out


def _boxed_with(img: html.HtmlElement | None, owner: html.HtmlElement, caption: str) -> bool:
    """Whether the image and the line share a small box holding nothing else
    (``<div class="photo"><a><img></a><p>caption</p></div>``)."""
    if img is None:
        return False
    around = set(owner.iterancestors())
    box = img.getparent()
    for _ in range(3):
        if box is None:
            return False
        if box in around:
            return _text_within(box, len(caption) + CAPTION_BOX_SLACK)
        box = box.getparent()
    return False


def _text_within(el: html.HtmlElement, limit: int) -> bool:
    """Whether ``el`` holds at most ``limit`` non-space characters (stops reading early,
    so a box around half the page costs no more than a small one)."""
    total = 0
    for piece in el.itertext():
        total += len(piece) - piece.count(" ") - piece.count("\n") - piece.count("\t")
        if total > limit:
            return False
    return True


def _inline(block: Block, features: Features, options: Options) -> str:
    """HTML of one line, keeping links and emphasis when the line is a whole element."""
    node = features.nodes[block.node]
    if not options.links or node.end - node.start != 1:
        return escape(block.text)
    el = block.owner
    parts: list[str] = [escape(el.text or "")]
    plain: list[str] = [el.text or ""]
    for child in el:
        tail = child.tail or ""
        if isinstance(child.tag, str):
            inner = child.text_content()
            href = child.get("href", "") if child.tag == "a" else ""
            if href.startswith(("http://", "https://", "/")):
                parts.append(f'<a href="{escape(href)}">{escape(inner)}</a>')
            elif child.tag in _INLINE_KEEP and child.tag != "a":
                parts.append(f"<{child.tag}>{escape(inner)}</{child.tag}>")
            elif child.tag == "br":
                parts.append("<br>")
                inner = " "
            else:
                parts.append(escape(inner))
            plain.append(inner)
        parts.append(escape(tail))
        plain.append(tail)
    # The inline rendering must say the same as the text line; fall back if not.
    if collapse("".join(plain)) != block.text:
        return escape(block.text)
    return collapse("".join(parts))


def _md(text: str) -> str:
    return MARKDOWN_ESCAPE_RE.sub(r"\\\1", text)
