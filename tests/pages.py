"""Read built pages as a browser would: forms, their fields, links and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode


@dataclass
class Control:
    tag: str
    name: str
    kind: str = ""
    value: str = ""
    required: bool = False
    checked: bool = False
    label: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Form:
    action: str
    method: str
    controls: list[Control] = field(default_factory=list)

    def names(self) -> set[str]:
        """Return the name of every control that a browser would submit."""
        return {control.name for control in self.controls if control.name}

    def radios(self, name: str) -> list[Control]:
        """Return the radio buttons of one group, in page order."""
        return [c for c in self.controls if c.kind == "radio" and c.name == name]

    def control(self, name: str) -> Control:
        """Return the first control of that name."""
        return next(c for c in self.controls if c.name == name)


class PageParser(HTMLParser):
    """Collect the forms, the links, the asset addresses and the text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.links: list[tuple[str, str]] = []
        self.addresses: list[str] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._form: Form | None = None
        self._label: list[str] | None = None
        self._label_controls: list[Control] = []
        self._select: Control | None = None
        self._option: list[str] | None = None
        self._option_value = ""
        self._textarea: Control | None = None
        self._anchor: list[str] | None = None
        self._anchor_href = ""
        self._in_style = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = {key: value or "" for key, value in attrs}
        self._collect_addresses(tag, attributes)
        if tag in ("script", "style"):
            self._skip += 1
            self._in_style = tag == "style"
        elif tag == "form":
            self._form = Form(
                attributes.get("action", ""), attributes.get("method", "get")
            )
            self.forms.append(self._form)
        elif tag == "label":
            self._label, self._label_controls = [], []
        elif tag == "a":
            self._anchor, self._anchor_href = [], attributes.get("href", "")
        elif tag in ("input", "select", "textarea") and self._form is not None:
            self._add_control(tag, attributes)
        elif tag == "option" and self._select is not None:
            self._option, self._option_value = [], attributes.get("value", "")
            if "selected" in attributes:
                self._select.value = self._option_value

    def _collect_addresses(self, tag: str, attributes: dict[str, str]) -> None:
        for key in ("src", "href", "poster", "data"):
            if attributes.get(key):
                self.addresses.append(attributes[key])

        for item in attributes.get("srcset", "").split(","):
            if item.strip():
                self.addresses.append(item.split()[0])

        if attributes.get("style"):
            self.styles.append(attributes["style"])

    def _add_control(self, tag: str, attributes: dict[str, str]) -> None:
        control = Control(
            tag=tag,
            name=attributes.get("name", ""),
            kind=attributes.get("type", "text") if tag == "input" else tag,
            value=attributes.get("value", ""),
            required="required" in attributes,
            checked="checked" in attributes,
        )
        self._form.controls.append(control)
        if self._label is not None:
            self._label_controls.append(control)
        if tag == "select":
            self._select = control
        if tag == "textarea":
            self._textarea = control

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
            self._in_style = False
        elif tag == "form":
            self._form = None
        elif tag == "label" and self._label is not None:
            text = " ".join("".join(self._label).split())
            for control in self._label_controls:
                control.label = text
            self._label = None
        elif tag == "a" and self._anchor is not None:
            self.links.append(
                (self._anchor_href, " ".join("".join(self._anchor).split()))
            )
            self._anchor = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "option" and self._option is not None:
            label = " ".join("".join(self._option).split())
            self._select.options.append((self._option_value, label))
            self._option = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            if self._in_style:
                self.styles.append(data)
            return

        self.text.append(data)
        for collector in (self._label, self._option, self._anchor):
            if collector is not None:
                collector.append(data)
        if self._textarea is not None:
            self._textarea.value += data


def parse(html: str) -> PageParser:
    """Parse a page and return what was collected from it."""
    parser = PageParser()
    parser.feed(html)
    parser.close()

    return parser


def page_text(html: str) -> str:
    """Return the visible text of a page with whitespace collapsed."""
    return " ".join("".join(parse(html).text).split())


def fill_like_a_phone(form: Form, choose: dict[str, str] | None = None) -> str:
    """Return the urlencoded body a browser sends after a visitor fills the form.

    Radio groups and pick-lists get the last offered answer unless `choose`
    names one; required checkboxes are ticked; other fields keep their value.
    """
    choose = choose or {}
    pairs: list[tuple[str, str]] = []
    done: set[str] = set()
    for control in form.controls:
        name = control.name
        if not name or name in done:
            continue

        if control.kind == "radio":
            values = [radio.value for radio in form.radios(name)]
            pairs.append((name, choose.get(name, values[-1])))
            done.add(name)
        elif control.kind == "checkbox":
            if control.required or name in choose:
                pairs.append((name, control.value or "on"))
        elif control.kind == "select":
            offered = [value for value, _ in control.options if value]
            pairs.append((name, choose.get(name, offered[0])))
        else:
            pairs.append((name, choose.get(name, control.value)))

    return urlencode(pairs)
