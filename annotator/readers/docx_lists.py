"""List items of a .docx: the prefix Word shows before each ("• ", "3. "), from numbering.xml."""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Lists:
    """List item prefixes: "• " for bullets, "3. " for numbers, indented by level."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None):
        self.formats: dict[tuple[str, str], str] = {}
        self.counts: dict[tuple[str, str], int] = {}
        self.style_num: dict[str, str] = {}
        if numbering is not None:
            abstract = {a.get(W + "abstractNumId"): a for a in numbering.findall(W + "abstractNum")}
            for num in numbering.findall(W + "num"):
                ref = num.find(W + "abstractNumId")
                spec = abstract.get(ref.get(W + "val") if ref is not None else None)
                for lvl in spec.findall(W + "lvl") if spec is not None else []:
                    fmt = lvl.find(W + "numFmt")
                    self.formats[(num.get(W + "numId", ""), lvl.get(W + "ilvl", "0"))] = (
                        fmt.get(W + "val", "decimal") if fmt is not None else "decimal")
        for style in styles.findall(W + "style") if styles is not None else []:
            num_id = style.find(f"{W}pPr/{W}numPr/{W}numId")
            if num_id is not None:
                self.style_num[style.get(W + "styleId", "")] = num_id.get(W + "val", "")

    def prefix(self, p: etree._Element) -> str:
        num_id, level = self._numbering(p)
        fmt = self.formats.get((num_id, level))
        if not num_id or num_id == "0" or fmt is None or fmt == "none":
            return ""
        indent = "  " * int(level) if level.isdigit() else ""
        if fmt == "bullet":
            return indent + "• "
        key = (num_id, level)
        self.counts[key] = self.counts.get(key, 0) + 1
        for deeper in [k for k in self.counts if k[0] == num_id and k[1] > level]:
            del self.counts[deeper]  # a sub-list restarts under each new item
        return f"{indent}{self.counts[key]}. "

    def _numbering(self, p: etree._Element) -> tuple[str, str]:
        ppr = p.find(W + "pPr")
        if ppr is None:
            return "", "0"
        num_pr = ppr.find(W + "numPr")
        num_id = num_pr.find(W + "numId") if num_pr is not None else None
        ilvl = num_pr.find(W + "ilvl") if num_pr is not None else None
        if num_id is None:
            style = ppr.find(W + "pStyle")
            return self.style_num.get(style.get(W + "val", "") if style is not None else "", ""), "0"
        return num_id.get(W + "val", ""), ilvl.get(W + "val", "0") if ilvl is not None else "0"
