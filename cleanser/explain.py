"""Why cleanser kept what it kept: candidates, scores and a reason for every line."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from cleanser.body.density import node_density
from cleanser.body.dom import parse
from cleanser.body.features import Features
from cleanser.body.heuristic import element_cue
from cleanser.body.model import fitted_regions
from cleanser.body.regions import EVIDENCE as REGION_EVIDENCE
from cleanser.body.selection import Selection
from cleanser.core import run, to_text
from cleanser.meta.candidates import MetaCandidate, metadata_candidates
from cleanser.options import Options
from cleanser.vocabulary import LINE_PREVIEW, REGION_REASONS, TOP_CANDIDATES


@dataclass(frozen=True)
class Candidate:
    """One element considered as the article, with both scorers' view of it."""

    path: str
    score: float  # combined weight of its subtree (what selection maximises)
    tokens: int
    link_density: float
    text_density: float
    symbol_density: float
    gne_score: float
    cue: str | None  # heuristic verdict on the element itself


@dataclass(frozen=True)
class RegionChoice:
    """One candidate region for the article, as the fitted region choice weighed it."""

    path: str
    score: float  # its total line weight (the maximum-weight evidence)
    rank: float  # its score under the fitted model (the highest was taken)
    chosen: bool
    evidence: dict[str, float]  # body.regions.EVIDENCE values
    contributions: dict[str, float]  # weight × value, what each evidence added to ``rank``


@dataclass(frozen=True)
class Line:
    """One line of the page and what happened to it."""

    index: int
    text: str
    kept: bool
    weight: float  # density weight before heuristic verdicts
    kind: str  # "body", or why it was removed (sidebar, footer, link-dense, outside…)
    rule: str
    # The line's own evidence, which its weight and the length-bound rules read: tokens,
    # share of them inside links, punctuation marks, whether it ends a sentence.
    evidence: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    """The decisions behind one ``extract`` call."""

    chosen: str | None
    score: float
    confidence: float
    reason: str | None
    candidates: tuple[Candidate, ...]
    lines: tuple[Line, ...]
    overruled: tuple[str, ...]
    kind: str = "article"  # the page kind judged (see cleanser.body.kinds)
    kind_probabilities: dict[str, float] = field(default_factory=dict)
    kind_evidence: dict[str, float] = field(default_factory=dict)
    # Every title/published/author candidate with its score (see cleanser.meta.candidates).
    metadata: tuple[MetaCandidate, ...] = ()
    # The candidate regions for the article and the evidence that chose among them.
    regions: tuple[RegionChoice, ...] = ()
    # Why the input was read in the encoding it was (Article.encoding_reason).
    encoding_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    def to_json(self, **kwargs: Any) -> str:
        """JSON text, non-ASCII kept readable."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def to_text(self) -> str:
        """A report meant to debug a bad page in a minute."""
        out = [f"chosen: {self.chosen}  score={self.score:.1f}  confidence={self.confidence}"]
        if self.reason:
            out.append(f"reason: {self.reason}")
        if self.encoding_reason:
            out.append(f"encoding: {self.encoding_reason}")
        probs = "  ".join(f"{k}={p:.2f}" for k, p in self.kind_probabilities.items())
        out.append(f"kind: {self.kind}  ({probs})")
        evidence = "  ".join(f"{k}={x:.2f}" for k, x in self.kind_evidence.items() if k != "bias")
        if evidence:
            out.append(f"  evidence: {evidence}")
        out.append("candidates (best first):")
        for c in self.candidates:
            out.append(
                f"  {c.score:8.1f}  tokens={c.tokens:<6} ld={c.link_density:.2f} "
                f"td={c.text_density:.1f} sbd={c.symbol_density:.1f} gne={c.gne_score:.1f}"
                f"{'  cue=' + c.cue if c.cue else ''}  {c.path}"
            )
        if self.regions:
            out.append("region choice (model rank, * taken; the largest contributions):")
        for r in self.regions:
            mark = "*" if r.chosen else " "
            top = sorted(r.contributions.items(), key=lambda kv: -abs(kv[1]))[:REGION_REASONS]
            why = "  ".join(f"{k}{v:+.2f}" for k, v in top if v)
            out.append(f"{mark} {r.rank:7.2f}  score={r.score:<8.1f} {r.path}  {why}")
        for o in self.overruled:
            out.append(f"overruled: {o}")
        if self.metadata:
            out.append(
                "metadata candidates (field, p= fitted probability or prior= hand-set score, "
                "source, value; * chosen):"
            )
        for m in self.metadata:
            mark = "*" if m.chosen else " "
            score = f"p={m.score:.2f}" if m.fitted else f"prior={m.score:.2f}"
            out.append(f"{mark} {m.field:<9} {score:<10}  {m.source:<22} {m.value[:LINE_PREVIEW]}")
        out.append("lines (+ kept, - removed):")
        for ln in self.lines:
            mark = "+" if ln.kept else "-"
            why = f"  [{ln.kind}: {ln.rule}{_evidence_note(ln)}]" if ln.rule else ""
            text = ln.text if len(ln.text) <= LINE_PREVIEW else ln.text[:LINE_PREVIEW] + "…"
            out.append(f"{mark} {ln.index:4d} {ln.weight:7.1f}  {text}{why}")
        return "\n".join(out)


def _evidence_note(line: Line) -> str:
    """The line's own evidence beside a removal: its length, link share and punctuation."""
    if line.kept or not line.evidence or not line.evidence.get("tokens"):
        return ""
    e = line.evidence
    return f"; {e['tokens']:.0f} tokens, links {e['link_share']:.0%}, punct {e['punctuation']:.0f}"


def explain(
    html_input: bytes | str,
    url: str | None = None,
    *,
    options: Options | None = None,
    encoding: str | None = None,
) -> Explanation:
    """Run ``extract`` and report every decision it made."""
    article, features, selection, judged = run(html_input, url, options or Options(), encoding)
    meta = _meta_candidates(html_input, url, options or Options(), encoding)
    if features is None or selection is None or judged is None:
        return Explanation(
            None,
            0.0,
            0.0,
            article.reason,
            (),
            (),
            (),
            kind=article.kind,
            metadata=meta,
            encoding_reason=article.encoding_reason,
        )
    return replace(
        _build(features, selection),
        encoding_reason=article.encoding_reason,
        kind=judged.kind,
        kind_probabilities={k: round(p, 3) for k, p in judged.probabilities.items()},
        kind_evidence={k: round(x, 3) for k, x in judged.evidence.items()},
        metadata=meta,
    )


def _meta_candidates(
    html_input: bytes | str, url: str | None, options: Options, encoding: str | None
) -> tuple[MetaCandidate, ...]:
    """The metadata candidates of the page, read from a fresh parse (the tree
    ``extract`` used has been cleaned by then); none for input it refused."""
    try:
        root = parse(to_text(html_input, options, encoding)[0])
    except Exception:  # explain reports extract's own error through Explanation.reason
        return ()
    return metadata_candidates(root, url, options.reference_time) if root is not None else ()


def _build(features: Features, sel: Selection) -> Explanation:
    root = features.nodes[0].el.getroottree() if features.nodes else None

    def path(el: Any) -> str:
        return str(root.getpath(el)) if root is not None else str(el.tag)

    ranked = sorted(sel.node_scores, key=lambda ns: ns[1], reverse=True)[:TOP_CANDIDATES]
    candidates = []
    for node, score in ranked:
        d = node_density(features, node)
        cue = element_cue(node.el)
        candidates.append(
            Candidate(
                path=path(node.el),
                score=round(score, 1),
                tokens=features.length(node),
                link_density=round(d.link_density, 3),
                text_density=round(d.text_density, 2),
                symbol_density=round(d.symbol_density, 2),
                gne_score=round(d.gne_score, 2),
                cue=cue.rule if cue else None,
            )
        )
    kept = {b.index for b in sel.kept}
    removed = {r.index: r for r in sel.removed}
    outweighed = {i: cue.rule for i, cue in sel.outweighed}
    lines = []
    for b in features.blocks:
        if b.length == 0 and b.image is None:
            continue
        text = b.text if b.image is None else f"[image {b.image.get('src') or ''}]"
        if b.index in kept:
            kind, rule = "body", ""
            if b.index in outweighed:
                rule = f"own prose outweighed {outweighed[b.index]}"
        elif b.index in removed:
            kind, rule = removed[b.index].kind, removed[b.index].rule
        else:
            flag = sel.flags[b.index]
            kind = flag.kind if flag else "outside"
            rule = flag.rule if flag else "outside the chosen element"
        evidence = {
            "tokens": float(b.length),
            "link_share": round(b.link_length / b.length, 2) if b.length else 0.0,
            "punctuation": float(b.punct),
            "sentence_end": float(b.sentence_end),
        }
        lines.append(
            Line(
                b.index, text, b.index in kept, round(sel.weights[b.index], 1), kind, rule, evidence
            )
        )
    weights = fitted_regions()
    regions = tuple(
        RegionChoice(
            path=path(r.node.el),
            score=round(r.score, 1),
            rank=round(weights.rank(r), 3) if weights else 0.0,
            chosen=k == sel.region,
            evidence={n: round(x, 3) for n, x in zip(REGION_EVIDENCE, r.evidence, strict=True)},
            contributions=(
                {n: round(c, 3) for n, c in weights.contributions(r).items()} if weights else {}
            ),
        )
        for k, r in enumerate(sel.regions)
    )
    chosen = path(sel.node.el) if sel.node is not None else None
    if chosen is not None and sel.forced:
        chosen += " (named by Options.body)"
    return Explanation(
        chosen=chosen,
        score=round(sel.score, 1),
        confidence=sel.confidence,
        reason=sel.reason,
        candidates=tuple(candidates),
        lines=tuple(lines),
        overruled=tuple(f"{cue.rule} on {path(n.el)}" for n, cue in sel.overruled),
        regions=regions,
    )
