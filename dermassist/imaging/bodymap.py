"""Front and back body silhouettes for marking a lesion site, and rough anatomical labels (no Qt).

Coordinates are normalised to a 0..1 box (x to the right, y downwards) that should be drawn
``ASPECT`` times as wide as it is tall so the figure keeps its proportions. The front view shows the
patient facing the viewer, so the patient's left is on the viewer's right; the back view shows the
patient from behind, so the patient's left is on the viewer's left. ``LesionSite`` stores the same
(view, x, y) values.
"""

from __future__ import annotations

import math
from typing import Protocol

from dermassist.i18n import N_, gettext_for, pgettext_for

VIEWS = ("front", "back")
ASPECT = 0.55  # width / height of the box the silhouette is drawn in

Point = tuple[float, float]

# Left half of the figure (viewer's left), top of the head to the crotch, as (offset from the
# midline, y) in units of the figure's height; the outline mirrors it. Arms hang in a slight A-pose
# so the gap between arm and torso stays visible at thumbnail size.
_HEAD_CY, _HEAD_RX, _HEAD_RY = 0.066, 0.05, 0.058
# fmt: off
_LEFT_HALF_BODY: tuple[Point, ...] = (
    (-0.030, 0.120), (-0.028, 0.128), (-0.027, 0.155),  # jaw, neck
    (-0.060, 0.170), (-0.100, 0.178), (-0.125, 0.186),  # trapezius to shoulder
    (-0.140, 0.200), (-0.148, 0.225),  # deltoid
    (-0.156, 0.280), (-0.166, 0.330), (-0.176, 0.365),  # upper arm to elbow
    (-0.190, 0.420), (-0.203, 0.490),  # forearm to wrist
    (-0.222, 0.520), (-0.230, 0.560), (-0.222, 0.590), (-0.205, 0.598),  # hand
    (-0.190, 0.580), (-0.182, 0.545), (-0.174, 0.495),  # fingers to inner wrist
    (-0.160, 0.420), (-0.134, 0.365), (-0.118, 0.320),  # inner forearm, elbow, upper arm
    (-0.104, 0.270), (-0.096, 0.248),  # armpit
    (-0.095, 0.290), (-0.090, 0.340), (-0.082, 0.400),  # chest to waist
    (-0.092, 0.450), (-0.102, 0.500), (-0.100, 0.560),  # hip
    (-0.092, 0.640), (-0.078, 0.730),  # thigh to knee
    (-0.080, 0.790), (-0.070, 0.860), (-0.052, 0.925),  # calf to ankle
    (-0.062, 0.975), (-0.056, 0.992), (-0.020, 0.992),  # foot
    (-0.026, 0.930), (-0.024, 0.860), (-0.030, 0.790), (-0.022, 0.730),  # inner ankle, calf, knee
    (-0.016, 0.640), (-0.004, 0.545), (0.0, 0.538),  # inner thigh to crotch
)
# fmt: on


def _to_box(dx: float, y: float) -> Point:
    return (round(0.5 + dx / ASPECT, 4), round(y, 4))


def _build_outline() -> tuple[Point, ...]:
    head: list[Point] = []
    for i in range(0, 13):  # top of the head round the viewer's left side to the jaw
        t = math.radians(i * 12.5)
        head.append((-_HEAD_RX * math.sin(t), _HEAD_CY - _HEAD_RY * math.cos(t)))
    left = head + list(_LEFT_HALF_BODY)
    right = [(-dx, y) for dx, y in reversed(left[1:-1])]  # skip the points on the midline
    return tuple(_to_box(dx, y) for dx, y in left + right)


_OUTLINE = _build_outline()

# Inner lines that tell the views apart: clavicles and navel in front; spine, shoulder blades and
# gluteal fold behind.
_FRONT_DETAILS: tuple[tuple[Point, ...], ...] = (
    ((-0.022, 0.180), (-0.060, 0.184), (-0.098, 0.190)),
    ((0.022, 0.180), (0.060, 0.184), (0.098, 0.190)),
    ((-0.006, 0.425), (0.0, 0.431), (0.006, 0.425), (0.0, 0.419), (-0.006, 0.425)),
)
_BACK_DETAILS: tuple[tuple[Point, ...], ...] = (
    ((0.0, 0.170), (0.0, 0.480)),
    ((-0.030, 0.215), (-0.070, 0.205), (-0.072, 0.260), (-0.035, 0.290)),
    ((0.030, 0.215), (0.070, 0.205), (0.072, 0.260), (0.035, 0.290)),
    ((0.0, 0.480), (0.0, 0.530)),
    ((-0.090, 0.560), (-0.050, 0.565), (-0.008, 0.556)),
    ((0.090, 0.560), (0.050, 0.565), (0.008, 0.556)),
)


def _check_view(view: str) -> str:
    if view not in VIEWS:
        raise ValueError(f"body map view must be 'front' or 'back', not {view!r}")
    return view


def outline(view: str) -> tuple[Point, ...]:
    """The closed silhouette polygon of ``view`` (front or back) as normalised (x, y) points.

    Both views share the symmetric outline; ``details`` and the side markers tell them apart.
    """
    _check_view(view)
    return _OUTLINE


def details(view: str) -> tuple[tuple[Point, ...], ...]:
    """Open polylines drawn inside the outline (clavicles and navel; spine and shoulder blades)."""
    lines = _FRONT_DETAILS if _check_view(view) == "front" else _BACK_DETAILS
    return tuple(tuple(_to_box(dx, y) for dx, y in line) for line in lines)


def contains(view: str, x: float, y: float) -> bool:
    """Whether the normalised point lies on the body (inside the outline); for rejecting stray clicks."""
    poly = outline(view)
    inside = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def patient_side(view: str, x: float) -> str:
    """'left' or 'right' from the patient's point of view for a point at normalised ``x``."""
    viewer_right = x >= 0.5
    if _check_view(view) == "front":
        return "left" if viewer_right else "right"
    return "right" if viewer_right else "left"


def side_markers(view: str, lang: str = "en") -> tuple[tuple[str, float], tuple[str, float]]:
    """Letters for the patient's right and left with the normalised x to draw them at."""
    right = pgettext_for(lang, "the patient's right, one letter", "R")
    left = pgettext_for(lang, "the patient's left, one letter", "L")
    if _check_view(view) == "front":
        return (right, 0.06), (left, 0.94)
    return (left, 0.06), (right, 0.94)


_VIEW_TITLES = {"front": N_("Front"), "back": N_("Back")}


def view_title(view: str, lang: str = "en") -> str:
    """'Front' / 'Back' in the given language."""
    return gettext_for(lang, _VIEW_TITLES[_check_view(view)])


# region key -> how its side is said: limb (left/right forearm), torso (chest, left side/midline) or none.
_REGIONS: dict[str, str] = {
    "face": "none", "occiput": "none", "neck": "none", "nape": "none",
    "shoulder": "limb", "upper_arm": "limb", "elbow": "limb", "forearm": "limb", "wrist": "limb", "hand": "limb",
    "chest": "torso", "abdomen": "torso", "lower_abdomen": "torso", "groin": "torso",
    "upper_back": "torso", "lower_back": "torso",
    "buttock": "limb", "thigh": "limb", "knee": "limb", "popliteal": "limb", "lower_leg": "limb", "calf": "limb",
    "ankle": "limb", "foot": "limb",
}  # fmt: skip

# Site code (stored with the examination, language-neutral) -> its English name; the gettext
# catalogs hold the other languages, whole phrases because adjectives agree with the noun.
SITE_NAMES: dict[str, str] = {
    "face": N_("face"),
    "occiput": N_("back of the head"),
    "neck": N_("neck"),
    "nape": N_("back of the neck"),
    "shoulder.left": N_("left shoulder"),
    "shoulder.right": N_("right shoulder"),
    "upper_arm.left": N_("left upper arm"),
    "upper_arm.right": N_("right upper arm"),
    "elbow.left": N_("left elbow"),
    "elbow.right": N_("right elbow"),
    "forearm.left": N_("left forearm"),
    "forearm.right": N_("right forearm"),
    "wrist.left": N_("left wrist"),
    "wrist.right": N_("right wrist"),
    "hand.left": N_("left hand"),
    "hand.right": N_("right hand"),
    "chest.left": N_("chest, left side"),
    "chest.right": N_("chest, right side"),
    "chest.midline": N_("chest, midline"),
    "abdomen.left": N_("abdomen, left side"),
    "abdomen.right": N_("abdomen, right side"),
    "abdomen.midline": N_("abdomen, midline"),
    "lower_abdomen.left": N_("lower abdomen, left side"),
    "lower_abdomen.right": N_("lower abdomen, right side"),
    "lower_abdomen.midline": N_("lower abdomen, midline"),
    "groin.left": N_("groin, left side"),
    "groin.right": N_("groin, right side"),
    "groin.midline": N_("groin, midline"),
    "upper_back.left": N_("upper back, left side"),
    "upper_back.right": N_("upper back, right side"),
    "upper_back.midline": N_("upper back, midline"),
    "lower_back.left": N_("lower back, left side"),
    "lower_back.right": N_("lower back, right side"),
    "lower_back.midline": N_("lower back, midline"),
    "buttock.left": N_("left buttock"),
    "buttock.right": N_("right buttock"),
    "thigh.left": N_("left thigh"),
    "thigh.right": N_("right thigh"),
    "knee.left": N_("left knee"),
    "knee.right": N_("right knee"),
    "popliteal.left": N_("left popliteal fossa"),
    "popliteal.right": N_("right popliteal fossa"),
    "lower_leg.left": N_("left lower leg"),
    "lower_leg.right": N_("right lower leg"),
    "calf.left": N_("left calf"),
    "calf.right": N_("right calf"),
    "ankle.left": N_("left ankle"),
    "ankle.right": N_("right ankle"),
    "foot.left": N_("left foot"),
    "foot.right": N_("right foot"),
}


def _torso_half_width(y: float) -> float:
    """Half-width of the torso (height units) at ``y``, read off the outline's side points."""
    profile = ((0.186, 0.125), (0.248, 0.096), (0.340, 0.090), (0.400, 0.082), (0.500, 0.102), (0.560, 0.100))
    if y <= profile[0][0]:
        return profile[0][1]
    for (y0, w0), (y1, w1) in zip(profile, profile[1:], strict=False):
        if y <= y1:
            return w0 + (w1 - w0) * (y - y0) / (y1 - y0)
    return profile[-1][1]


def region_key(view: str, x: float, y: float) -> str:
    """The region under a normalised point (a key of the region table), ignoring side."""
    back = _check_view(view) == "back"
    dx = abs(x - 0.5) * ASPECT
    if y < 0.125:
        return "occiput" if back else "face"
    if y < 0.165:
        return "nape" if back else "neck"
    if y < 0.6 and (dx > _torso_half_width(y) + 0.004 or (y > 0.52 and dx > 0.125)):
        if y < 0.235:
            return "shoulder"
        if y < 0.345:
            return "upper_arm"
        if y < 0.385:
            return "elbow"
        if y < 0.48:
            return "forearm"
        if y < 0.505:
            return "wrist"
        return "hand"
    if y < 0.235 and dx > 0.095:
        return "shoulder"
    if y < 0.545:
        if back:
            return "upper_back" if y < 0.34 else "lower_back" if y < 0.47 else "buttock"
        return "chest" if y < 0.31 else "abdomen" if y < 0.42 else "lower_abdomen" if y < 0.5 else "groin"
    if y < 0.585 and back:
        return "buttock"
    if y < 0.71:
        return "thigh"
    if y < 0.765:
        return "popliteal" if back else "knee"
    if y < 0.915:
        return "calf" if back else "lower_leg"
    if y < 0.955:
        return "ankle"
    return "foot"


def site_code(view: str, x: float, y: float) -> str:
    """The language-neutral code of the site under a normalised point, e.g. 'forearm.left', 'chest.midline'.

    The side is the patient's own (on the front view the patient's left is the viewer's right).
    Points off the outline get the code of the band they fall in; use ``contains`` to reject them.
    """
    key = region_key(view, x, y)
    how = _REGIONS[key]
    if how == "none":
        return key
    side = patient_side(view, x)
    if how == "torso" and abs(x - 0.5) * ASPECT < 0.02:
        side = "midline"
    return f"{key}.{side}"


def site_name(code: str, lang: str | None = None) -> str:
    """A site code in words in ``lang`` (None: the UI language), e.g. 'left forearm' / 'левое предплечье'.

    Unknown codes are returned as they are.
    """
    name = SITE_NAMES.get(code)
    return gettext_for(lang, name) if name else code


def region_name(view: str, x: float, y: float, lang: str | None = "en") -> str:
    """A rough anatomical label for a point, e.g. 'left forearm' / 'левое предплечье'."""
    return site_name(site_code(view, x, y), lang)


class _Site(Protocol):
    @property
    def view(self) -> str: ...
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def code(self) -> str: ...
    @property
    def label(self) -> str: ...


def describe_site(site: _Site, lang: str | None = None) -> str:
    """A marked site in words: the doctor's own text when there is one, else its code in ``lang``
    (None: the UI language).

    Sites stored before codes existed (no code, no recognised label) are named from their point.
    """
    if site.label:
        return site.label
    if site.code:
        return site_name(site.code, lang)
    return region_name(site.view, site.x, site.y, lang)
